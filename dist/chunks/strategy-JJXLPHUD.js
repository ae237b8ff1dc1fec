import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-YLL7ZC4M.js";
import "./chunk-6ZG2IHFH.js";
export {
  chooseStrategy,
  platformTag
};
