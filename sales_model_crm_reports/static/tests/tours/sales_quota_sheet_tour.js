/** @odoo-module **/
// Copyright 2026 Sales Model CRM maintainers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A team manager exports the quarter's quota sheet from CRM > Reporting: the
// workbook downloads and the wizard closes, with no error dialog. The test
// that runs the tour opens the workbook the server wrote.
registry.category("web_tour.tours").add("sales_model_crm_reports_quota_sheet_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='crm.crm_menu_root']",
            content: "Open the CRM app",
            run: "click",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='crm.crm_menu_report']",
            content: "Open the Reporting menu",
            run: "click",
        },
        {
            trigger:
                ".dropdown-item[data-menu-xmlid='sales_model_crm_reports.sales_quota_sheet_export_menu']",
            content: "Open Quota Sheet (Excel)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=period_ids] input",
            content: "Type the quarter",
            run: "edit Test 2030-Q1",
        },
        {
            trigger:
                ".modal .o_field_widget[name=period_ids] .o-autocomplete--dropdown-menu li:contains('Test 2030-Q1')",
            content: "Pick the quarter",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=period_ids] .o_tag:contains('Test 2030-Q1')",
            content: "The quarter is chosen",
        },
        {
            trigger: ".modal button[name=action_export]",
            content: "Export",
            run: "click",
        },
        {
            // an error in the download would open an error dialog (a modal)
            // and keep the wizard open
            trigger: "body:not(:has(.modal)):not(:has(.o_error_dialog)) .o_action_manager",
            content: "The workbook is downloaded, the wizard closed, no error",
        },
    ],
});
