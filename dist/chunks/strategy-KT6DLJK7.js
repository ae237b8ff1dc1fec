import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-YTMJN7EQ.js";
import "./chunk-CDVMQLRB.js";
export {
  chooseStrategy,
  platformTag
};
