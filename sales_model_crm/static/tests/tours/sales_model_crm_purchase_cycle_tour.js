/** @odoo-module **/
// Copyright 2026 Sales Model CRM maintainers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A salesperson opens "Due to Buy", logs the refill call from the reminder,
// orders the refill, and the next expected purchase moves.
registry.category("web_tour.tours").add("sales_model_crm_purchase_cycle_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='crm.crm_menu_root']",
            content: "Open the CRM app",
            run: "click",
        },
        {
            trigger:
                ".o_menu_sections [data-menu-xmlid='sales_model_crm.sales_model_menu_customers_root']",
            content: "Open the Customers menu",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='sales_model_crm.sales_purchase_cycle_menu']",
            content: "Open Due to Buy",
            run: "click",
        },
        {
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Test Huaxin Law Firm')))",
            content: "A colleague's customer is not listed",
        },
        {
            trigger:
                ".o_data_row:contains('Test Zhilian Tech'):contains('Test Water Bucket') button[name=action_log_call]",
            content: "Log the refill call from the reminder",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            content: "The call is described",
            run: "edit Test tour: refill call, 2 buckets tomorrow",
        },
        {
            trigger: ".modal .o_form_button_save",
            content: "Save the call",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_data_row:contains('Test Zhilian Tech') td[name=partner_id]",
            content: "Open the purchase cycle",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=action_new_quotation]",
            content: "Order the refill",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=order_line] .o_data_row:contains('Test Water Bucket')",
            content: "The quotation holds the product",
        },
        {
            trigger: ".o_form_view button[name=action_confirm]:not(.o_invisible_modifier)",
            content: "Confirm the order",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status [aria-checked='true'][data-value='sale']",
            content: "The order is confirmed",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item:nth-child(2) a",
            content: "Back to the purchase cycle",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status [aria-checked='true'][data-value='planned']",
            content: "The customer is supplied again: the next purchase moved",
        },
    ],
});
