# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import UserError

REPORT_XMLID = "sales_model_crm_reports.action_report_sales_quota_sheet_export_xlsx"


class SalesQuotaSheetExport(models.TransientModel):
    """Download the quota sheet of one or more periods, for a team or all."""

    _name = "sales.quota.sheet.export"
    _description = "Export Quota Sheet"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )
    period_ids = fields.Many2many(
        "date.range",
        string="Assessment Periods",
        required=True,
        check_company=True,
        domain="[('sales_cycle', '!=', False), "
        "('company_id', 'in', [company_id, False])]",
        help="The quotas of these periods; a quarter's quotas come with the "
        "months they were split into.",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        check_company=True,
        help="Only this team's quotas. Leave empty for every team you may see.",
    )
    basis = fields.Selection(
        selection="_selection_basis",
        string="Counts As",
        required=True,
        default="invoiced",
        help="The quotas of one basis: sales, invoices, collections and counts "
        "do not add up.",
    )

    @api.model
    def _selection_basis(self):
        return self.env["sales.quota"]._fields["basis"]._description_selection(self.env)

    def _get_quota_domain(self):
        """The quotas to export; record rules narrow them to the user's."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("period_id", "in", self.period_ids.ids),
            ("basis", "=", self.basis),
        ]
        if self.team_id:
            domain.append(("team_id", "=", self.team_id.id))
        return domain

    def _get_quotas(self):
        return self.env["sales.quota"].search(self._get_quota_domain())

    def _get_file_name(self):
        self.ensure_one()
        return self._file_name(self.period_ids, self.team_id)

    @api.model
    def _file_name(self, periods, team):
        """Quota Sheet <periods> <team>, safe as a file name (no extension)."""
        name = _(
            "Quota Sheet %(periods)s %(team)s",
            periods="+".join(periods.sorted("date_start").mapped("name")),
            team=team.name or _("All Teams"),
        )
        return re.sub(r'[\\/:*?"<>|]+', "-", name).strip()

    def action_export(self):
        self.ensure_one()
        if not self.env["sales.quota"].search_count(self._get_quota_domain(), limit=1):
            raise UserError(_("There is no quota to export for these periods."))
        action = self.env.ref(REPORT_XMLID).report_action(self, config=False)
        action["close_on_report_download"] = True
        return action
