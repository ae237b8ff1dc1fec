import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-JFTXMGGQ.js";
import "./chunk-SZGEZ2XA.js";
export {
  chooseStrategy,
  platformTag
};
