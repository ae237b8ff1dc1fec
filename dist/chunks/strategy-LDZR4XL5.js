import { createRequire as __bcCreateRequire } from 'node:module'; const require = __bcCreateRequire(import.meta.url);
import {
  chooseStrategy,
  platformTag
} from "./chunk-OXTHI4W6.js";
import "./chunk-BEU6A573.js";
import "./chunk-ROAOEA6R.js";
import "./chunk-AESVDITN.js";
import "./chunk-BRC3U7YZ.js";
import "./chunk-4S36LVC7.js";
export {
  chooseStrategy,
  platformTag
};
