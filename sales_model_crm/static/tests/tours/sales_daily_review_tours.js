/** @odoo-module **/
// Copyright 2026 Sales Model CRM maintainers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";

// A salesperson logs a call in one click from the visit records, then writes
// and submits the day's review.
registry.category("web_tour.tours").add("sales_model_crm_daily_review_tour", {
    url: "/odoo/action-sales_model_crm.sales_activity_action",
    steps: () => [
        {
            trigger: ".o_list_view .o_control_panel button:contains('Log a Call')",
            content: "Log a call from the visit records",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            content: "Say what the call was about",
            run: "edit Asked about the refill order",
        },
        {
            trigger: ".modal .o_field_widget[name=partner_id] input",
            content: "Pick the customer",
            run: "edit Test Zhilian",
        },
        {
            trigger:
                ".modal .o_field_widget[name=partner_id] .o-autocomplete--dropdown-menu li:contains('Test Zhilian Tech')",
            content: "Pick the customer",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=outcome] select",
            content: "The customer answered",
            run: 'select "reached"',
        },
        {
            trigger: ".modal .o_form_button_save",
            content: "Save the call",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
            content: "The call is logged",
        },
        {
            trigger: ".o_data_cell:contains('Asked about the refill order')",
            content: "The call is in the list",
        },
        {
            content: "Open the daily reviews",
            trigger: "body",
            run: "goToUrl /odoo/action-sales_model_crm.sales_daily_review_action/new",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=summary] .odoo-editor-editable",
            content: "Write the summary of the day",
            run: "editor Called the Zhilian buyer, refill next week",
        },
        {
            trigger: ".o_form_view button[name=action_submit]",
            content: "Submit the day",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Submitted')",
            content: "The day is submitted",
        },
    ],
});

// The team leader annotates the submitted day in the team's list, then opens
// the three questions' dashboard and clicks through to the open problems.
registry.category("web_tour.tours").add("sales_model_crm_daily_review_annotate_tour", {
    url: "/odoo/action-sales_model_crm.sales_daily_review_action_team",
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row .o_data_cell[name=manager_comment]",
            content: "Click the comment of the submitted day",
            run: "click",
        },
        {
            trigger: ".o_data_row.o_selected_row .o_field_widget[name=manager_comment] textarea",
            content: "Write the comment",
            run: "edit Good, call the hospitals first",
        },
        {
            trigger: ".o_data_row.o_selected_row .o_field_widget[name=score] select",
            content: "Score the day",
            run: 'select "4"',
        },
        {
            trigger: ".o_list_button_save",
            content: "Save the row",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_data_cell[name=state]:contains('Reviewed')",
            content: "The day is reviewed",
        },
        {
            content: "Open the VP dashboard",
            trigger: "body",
            run: "goToUrl /odoo/action-sales_model_crm.action_sales_vp_dashboard",
        },
        {
            trigger: ".o_sales_vp_dashboard .o_vp_collections .o_vp_collected",
            content: "The collections answer is there",
        },
        {
            trigger: ".o_sales_vp_dashboard .o_vp_schedules .o_vp_schedule_table",
            content: "The schedules answer is there",
        },
        {
            trigger: ".o_sales_vp_dashboard .o_vp_problems .o_vp_problems_open:contains('1')",
            content: "Click the number of open problems",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_cell:contains('Competitor undercuts the refill price')",
            content: "The number opens the problems behind it",
        },
    ],
});
