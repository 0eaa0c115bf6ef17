/** @odoo-module **/
// Copyright 2026 Sales Model CRM maintainers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import "@report_xlsx/js/report/action_manager_report.esm";
import {registry} from "@web/core/registry";

// report_xlsx (18.0.1.1.3) downloads the workbook, then, when the action asks
// to close its wizard (close_on_report_download, as our export wizards do),
// returns what closing the dialog returns: undefined. The action manager
// reads that as "not handled" and logs "The ActionManager can't handle
// reports of type xlsx". Once the xlsx handler has run, the report is handled.
const handlers = registry.category("ir.actions.report handlers");
const xlsxHandler = handlers.get("xlsx_handler");

handlers.add(
    "xlsx_handler",
    async function (action, options, env) {
        if (action.report_type !== "xlsx") {
            return false;
        }
        await xlsxHandler(action, options, env);
        return true;
    },
    {force: true}
);
