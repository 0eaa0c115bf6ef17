# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models
from odoo.exceptions import UserError

REPORT_XMLID = "sales_model_crm_reports.action_report_sales_customer_pareto_xlsx"


class SalesCustomerParetoExport(models.TransientModel):
    """Download the Pareto workbook of every customer the user may see."""

    _name = "sales.customer.pareto.export"
    _description = "Export Pareto Analysis"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )
    tier_ids = fields.Many2many(
        "sales.customer.tier",
        string="Customer Tiers",
        check_company=True,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
        help="Only export the customers of these tiers. Leave empty to export "
        "every customer.",
    )

    def action_export(self):
        self.ensure_one()
        if not self.env["sales.customer.pareto"].search_count(
            self._get_pareto_domain(), limit=1
        ):
            raise UserError(
                _("There is no customer revenue to export for these filters.")
            )
        # the report reads its rows from this wizard: a list of ids in the
        # download URL would grow with the customer base
        action = self.env.ref(REPORT_XMLID).report_action(
            None, data={"export_id": self.id}, config=False
        )
        action["close_on_report_download"] = True
        return action

    def _get_pareto_domain(self):
        """The rows to export; record rules narrow them to the user's."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.tier_ids:
            domain.append(("tier_id", "in", self.tier_ids.ids))
        return domain

    def _get_paretos(self):
        return self.env["sales.customer.pareto"].search(self._get_pareto_domain())
