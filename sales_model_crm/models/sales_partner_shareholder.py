# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SalesPartnerShareholder(models.Model):
    """Who owns a customer company, and how much of it."""

    _name = "sales.partner.shareholder"
    _description = "Customer Shareholder"
    _order = "share desc, id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Company",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    holder_partner_id = fields.Many2one(
        "res.partner",
        string="Shareholder Contact",
        help="The shareholder, when it is a partner in the database.",
    )
    name = fields.Char(
        string="Shareholder",
        compute="_compute_name",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )
    share = fields.Float(string="Shareholding (%)", digits=(5, 2))
    note = fields.Char()

    _sql_constraints = [
        (
            "share_range",
            "CHECK(share >= 0 AND share <= 100)",
            "A shareholding must be between 0 % and 100 %.",
        ),
    ]

    @api.depends("holder_partner_id")
    def _compute_name(self):
        for holder in self:
            if holder.holder_partner_id:
                holder.name = holder.holder_partner_id.name

    @api.constrains("share", "partner_id")
    def _check_total_share(self):
        groups = self._read_group(
            [("partner_id", "in", self.partner_id.ids)],
            groupby=["partner_id"],
            aggregates=["share:sum"],
        )
        for company, total in groups:
            if total > 100.0001:
                raise ValidationError(
                    _(
                        "The shareholdings of %(company)s add up to %(total).2f %%, "
                        "more than 100 %%.",
                        company=company.display_name,
                        total=total,
                    )
                )
