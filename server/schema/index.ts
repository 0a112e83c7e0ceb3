import { builder } from "../builder.js";
import "./errors.js";
import "./enums.js";
import "./catalog.js";

export const schema = builder.toSchema({ sortSchema: false });
