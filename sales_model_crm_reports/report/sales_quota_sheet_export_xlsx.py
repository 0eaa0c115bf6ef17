# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SalesQuotaSheetExportXlsx(models.AbstractModel):
    """The quota sheet downloaded from the export wizard.

    A report of its own, bound to the wizard, so that the download is named
    after the wizard's periods and team (report_xlsx names a file after the
    single record it prints).
    """

    _name = "report.sales_model_crm_reports.quota_sheet_export_xlsx"
    _inherit = "report.sales_model_crm_reports.quota_sheet_xlsx"
    _description = "Quota Sheet Workbook (Export)"

    def create_xlsx_report(self, docids, data):
        if docids:
            data = dict(data or {}, export_id=docids[0])
        return super().create_xlsx_report(docids, data)

    def _get_download_file_name(self, docids, data):
        if docids:
            data = dict(data or {}, export_id=docids[0])
        return super()._get_download_file_name(docids, data)
