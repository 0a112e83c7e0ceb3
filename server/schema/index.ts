import { builder } from "../builder.js";
import "./errors.js";
import "./enums.js";
import "./catalog.js";
import "./status-page.js";
import "./page-asset.js";
import "./incident.js";
import "./maintenance.js";
import "./live.js";
import "./api-key.js";
import "./operator.js";
import "./operator-sign-in.js";
import "./viewer.js";
import "./sign-in.js";
import "./email-subscription.js";
import "./audit-log.js";
import "./webhook.js";

export const schema = builder.toSchema({ sortSchema: false });
