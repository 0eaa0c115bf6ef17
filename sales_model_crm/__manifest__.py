# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Model CRM",
    "summary": "Customer depth management, tiers and the 80/20 rule, "
    "for Chinese SME sales teams",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-model-crm/sales_model_crm",
    "author": "Sales Model CRM maintainers",
    "maintainers": ["sales-model-crm"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "application": False,
    "depends": ["crm", "sale_crm", "partner_multi_relation"],
    "data": [
        "security/sales_model_crm_groups.xml",
        "security/ir.model.access.csv",
        "security/sales_model_crm_security.xml",
        "data/sales_partner_kind_data.xml",
        "data/sales_customer_tier_data.xml",
        "data/res_partner_relation_type_data.xml",
        "data/ir_cron_data.xml",
        "views/sales_partner_kind_views.xml",
        "views/sales_region_views.xml",
        "views/sales_customer_tier_views.xml",
        "views/sales_customer_tier_history_views.xml",
        "views/sales_partner_profile_views.xml",
        "views/sales_activity_views.xml",
        "views/res_partner_relation_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "report/sales_customer_pareto_views.xml",
        "views/sales_model_crm_menus.xml",
    ],
    "demo": [
        "demo/sales_region_demo.xml",
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/res_partner_relation_demo.xml",
        "demo/sales_activity_demo.xml",
        "demo/account_move_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "sales_model_crm/static/src/scss/sales_model_crm.scss",
        ],
        "web.assets_tests": [
            "sales_model_crm/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}
