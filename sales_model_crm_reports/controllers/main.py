# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo.http import content_disposition, request, route

from odoo.addons.report_xlsx.controllers.main import ReportController


class SalesReportController(ReportController):
    """Name the downloaded workbook after its report, period and team.

    report_xlsx names it after the report action only; it keeps a
    Content-Disposition header set here.
    """

    @route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        response = super().report_routes(
            reportname, docids=docids, converter=converter, **data
        )
        report_model = request.env.get(f"report.{reportname}")
        if converter != "xlsx" or not hasattr(report_model, "_get_download_file_name"):
            return response
        ids = [int(i) for i in docids.split(",")] if docids else None
        options = dict(data)
        if isinstance(options.get("options"), str):
            options.update(json.loads(options.pop("options")))
        if isinstance(options.get("context"), str):
            report_model = report_model.with_context(**json.loads(options["context"]))
        file_name = report_model._get_download_file_name(ids, options)
        response.headers["Content-Disposition"] = content_disposition(file_name)
        return response
