/** @odoo-module **/
// Copyright 2026 Sales Model CRM maintainers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const openQuotaMenu = (itemXmlid) => [
    stepUtils.showAppsMenuItem(),
    {
        trigger: ".o_app[data-menu-xmlid='crm.crm_menu_root']",
        content: "Open the CRM app",
        run: "click",
    },
    {
        trigger: ".o_menu_sections [data-menu-xmlid='sales_model_crm.sales_quota_menu_root']",
        content: "Open the Quotas menu",
        run: "click",
    },
    {
        trigger: `.dropdown-item[data-menu-xmlid='${itemXmlid}']`,
        content: "Open the menu item",
        run: "click",
    },
];

const pickMany2one = (field, text) => [
    {
        trigger: `.o_field_widget[name=${field}] input`,
        content: `Type ${text}`,
        run: `edit ${text}`,
    },
    {
        trigger: `.o_field_widget[name=${field}] .o-autocomplete--dropdown-menu li:contains('${text}')`,
        content: `Pick ${text}`,
        run: "click",
    },
];

const fill = (field, value) => ({
    trigger: `.o_form_view .o_field_widget[name=${field}] input`,
    content: `Set ${field}`,
    run: `edit ${value}`,
});

// A team manager sets the quarter's quota for the team, splits it 30/30/40
// into months, then splits the first month into the team's salespeople and
// its leader.
registry.category("web_tour.tours").add("sales_model_crm_quota_split_tour", {
    url: "/odoo",
    steps: () => [
        ...openQuotaMenu("sales_model_crm.sales_quota_menu"),
        {
            trigger: ".o_control_panel_main_buttons button:contains('New')",
            content: "Create a quota",
            run: "click",
        },
        ...pickMany2one("period_id", "Test 2030-Q1"),
        {
            trigger: ".o_field_widget[name=owner_type] input[data-value=team]",
            content: "The owner is a sales team",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(.o_field_widget[name=user_id]))",
            content: "The salesperson field gives way to the team",
        },
        ...pickMany2one("team_id", "Test Beijing Team"),
        fill("minimum", "80000"),
        fill("target", "100000"),
        fill("stretch", "120000"),
        {
            trigger: ".o_notebook .nav-link:contains('Decomposition')",
            content: "Open the decomposition",
            run: "click",
        },
        fill("avg_deal_size", "6000"),
        fill("prospects_per_deal", "20"),
        fill("calls_per_prospect", "10"),
        {
            trigger: ".o_form_button_save",
            content: "Save the quarter quota",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
            content: "Saved",
        },
        {
            trigger: ".o_form_statusbar button:contains('Split')",
            content: "Split into months",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:nth-child(3):contains('40')",
            content: "Three months, the last with 40 %",
        },
        {
            trigger: ".modal .o_field_widget[name=total_share]:contains('100')",
            content: "The shares add up to 100 %",
        },
        {
            trigger: ".modal button[name=action_split]",
            content: "Split",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb .active:contains('Parts of')",
            content: "The parts of the quarter are listed",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('Test 2030-03'):contains('40,000')",
            content: "March holds 40 %: 40,000",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('Test 2030-01'):contains('30,000') td[name=period_id]",
            content: "Open January, which holds 30 %: 30,000",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb .active:contains('Test 2030-01')",
            content: "January's quota is open",
        },
        {
            trigger: ".o_form_statusbar button:contains('Split')",
            content: "Split January into salespeople",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=mode] input[data-value=owner]",
            content: "Into salespeople",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=include_leader] input",
            content: "The team leader takes a part too",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:contains('smc_wang')",
            content: "The leader has a line",
        },
        {
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:contains('smc_li')",
            content: "Li is one of the team's salespeople",
        },
        {
            trigger: ".modal button[name=action_split]",
            content: "Split",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb .active:contains('Parts of Test 2030-01')",
            content: "The parts of January are listed",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('smc_li'):contains('15,000')",
            content: "Li's January quota is half of 30,000",
        },
    ],
});

// A salesperson opens their plan and reads the day's effective call target.
registry.category("web_tour.tours").add("sales_model_crm_plan_daily_target_tour", {
    url: "/odoo",
    steps: () => [
        ...openQuotaMenu("sales_model_crm.sales_plan_menu"),
        {
            trigger: ".o_data_row:contains('Test 2030-01') td[name=name]",
            content: "Open own January plan",
            run: "click",
        },
        {
            trigger: ".o_sales_plan_daily_target .o_sales_plan_daily_call_target:contains('27')",
            content: "The daily target of effective calls is on the plan",
        },
    ],
});
