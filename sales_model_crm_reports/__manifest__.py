# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Model CRM Reports",
    "summary": "Excel workbooks of the Pareto and customer tier analysis",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-model-crm/sales_model_crm",
    "author": "Sales Model CRM maintainers",
    "maintainers": ["sales-model-crm"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "depends": ["sales_model_crm", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "wizard/sales_customer_pareto_export_views.xml",
        "report/sales_customer_pareto_reports.xml",
        "wizard/sales_quota_sheet_export_views.xml",
        "report/sales_quota_sheet_reports.xml",
        "report/sales_quota_template_reports.xml",
        "wizard/sales_quota_import_views.xml",
        "wizard/sales_management_report_export_views.xml",
        "report/sales_management_reports.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "sales_model_crm_reports/static/src/report/xlsx_handler.esm.js",
        ],
        "web.assets_tests": [
            "sales_model_crm_reports/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
