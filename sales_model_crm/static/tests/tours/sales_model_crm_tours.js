/** @odoo-module **/
// Copyright 2026 Sales Model CRM maintainers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const openCrmMenu = (sectionXmlid, itemXmlid) => [
    stepUtils.showAppsMenuItem(),
    {
        trigger: ".o_app[data-menu-xmlid='crm.crm_menu_root']",
        content: "Open the CRM app",
        run: "click",
    },
    {
        trigger: `.o_menu_sections [data-menu-xmlid='${sectionXmlid}']`,
        content: "Open the menu section",
        run: "click",
    },
    {
        trigger: `.dropdown-item[data-menu-xmlid='${itemXmlid}']`,
        content: "Open the menu item",
        run: "click",
    },
];

// A salesperson finds their platinum customer, does not see a colleague's,
// and logs a call from the customer form.
registry.category("web_tour.tours").add("sales_model_crm_salesperson_tour", {
    url: "/odoo",
    steps: () => [
        ...openCrmMenu(
            "sales_model_crm.sales_model_menu_customers_root",
            "sales_model_crm.res_partner_menu_sales_customers"
        ),
        {
            trigger:
                ".o_kanban_record:contains('Test Zhilian Tech') .o_field_badge:contains('Platinum')",
            content: "Own customer shows its tier",
        },
        {
            trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains('Test Huaxin Law Firm')))",
            content: "A colleague's customer is not shown",
        },
        {
            trigger: ".o_kanban_record:contains('Test Zhilian Tech')",
            content: "Open own customer",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=sales_tier_id]:contains('Platinum')",
            content: "The form shows the tier",
        },
        {
            trigger: "button[name=action_sales_log_visit]",
            content: "Log a call",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            content: "Describe the call",
            run: "edit Test tour: refill reminder call",
        },
        {
            trigger: ".modal .o_form_button_save",
            content: "Save the call",
            run: "click",
        },
        {
            trigger:
                "body:not(:has(.modal)) button[name=action_open_sales_activities] .o_stat_value:contains('1')",
            content: "The call is counted on the customer",
        },
    ],
});

// A team manager reads the 80/20 analysis: the curve, then the tiers in a pivot.
registry.category("web_tour.tours").add("sales_model_crm_manager_tour", {
    url: "/odoo",
    steps: () => [
        ...openCrmMenu("crm.crm_menu_report", "sales_model_crm.sales_customer_pareto_menu"),
        {
            trigger: ".o_graph_renderer canvas",
            content: "The Pareto curve is drawn",
        },
        {
            trigger: ".o_switch_view.o_pivot",
            content: "Switch to the pivot",
            run: "click",
        },
        {
            trigger: ".o_pivot th:contains('Platinum')",
            content: "Platinum customers are counted",
        },
        {
            trigger: ".o_pivot:not(:has(th:contains('Test Huaxin Law Firm')))",
            content: "Only the team's customers",
        },
    ],
});
