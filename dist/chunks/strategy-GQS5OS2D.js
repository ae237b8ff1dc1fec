import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-ICYM5BAL.js";
import "./chunk-RB4QTDT4.js";
export {
  chooseStrategy,
  platformTag
};
