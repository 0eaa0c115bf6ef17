# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# report kind: (report action, analysis model)
REPORTS = {
    "funnel": (
        "sales_model_crm_reports.action_report_sales_funnel_xlsx",
        "sales.funnel.report",
    ),
    "daily_review": (
        "sales_model_crm_reports.action_report_sales_daily_review_xlsx",
        "sales.daily.review",
    ),
    "collection": (
        "sales_model_crm_reports.action_report_sales_collection_xlsx",
        "sales.collection.report",
    ),
}


class SalesManagementReportExport(models.TransientModel):
    """Download a management workbook for a period and a team."""

    _name = "sales.management.report.export"
    _description = "Export Management Report"
    _check_company_auto = True

    report_kind = fields.Selection(
        [
            ("funnel", "Sales Funnel"),
            ("daily_review", "Daily Reviews"),
            ("collection", "Collections"),
        ],
        string="Report",
        required=True,
        default="funnel",
        help="Sales Funnel: the opportunities created in the period, per stage "
        "reached. Daily Reviews: each salesperson's days against the call "
        "target. Collections: planned against collected per salesperson and "
        "month, and what is overdue.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )
    date_range_id = fields.Many2one(
        "date.range",
        string="Period",
        check_company=True,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
        help="A period of the sales calendar; or enter the dates yourself.",
    )
    date_from = fields.Date(
        string="From",
        required=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_to = fields.Date(
        string="To",
        required=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        check_company=True,
        help="Leave empty to export every team you may see.",
    )

    @api.depends("date_range_id")
    def _compute_dates(self):
        today = fields.Date.context_today(self)
        for export in self:
            if export.date_range_id:
                export.date_from = export.date_range_id.date_start
                export.date_to = export.date_range_id.date_end
            elif not export.date_from or not export.date_to:
                # this month so far
                export.date_from = today.replace(day=1)
                export.date_to = today

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for export in self:
            if export.date_from > export.date_to:
                raise ValidationError(
                    _(
                        "The period ends (%(date_to)s) before it starts "
                        "(%(date_from)s).",
                        date_from=export.date_from,
                        date_to=export.date_to,
                    )
                )

    @api.onchange("date_from", "date_to")
    def _onchange_dates(self):
        # dates typed by hand no longer match the chosen period
        range_ = self.date_range_id
        if range_ and (self.date_from, self.date_to) != (
            range_.date_start,
            range_.date_end,
        ):
            self.date_range_id = False

    def action_export(self):
        self.ensure_one()
        report_xmlid, model = REPORTS[self.report_kind]
        if not self.env[model].search_count(self._get_rows_domain(), limit=1):
            raise UserError(_("There is nothing to export for this period and team."))
        # the report reads its rows from this wizard: a list of ids in the
        # download URL would grow with the period
        action = self.env.ref(report_xmlid).report_action(
            None, data={"export_id": self.id}, config=False
        )
        action["close_on_report_download"] = True
        return action

    def _get_rows_domain(self):
        """The analysis rows to export; record rules narrow them to the user's.

        The three analyses share the fields: a date (the opportunity's
        creation, the reviewed day, the due or collection date), a team and a
        company.
        """
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        if self.team_id:
            domain.append(("team_id", "=", self.team_id.id))
        return domain
