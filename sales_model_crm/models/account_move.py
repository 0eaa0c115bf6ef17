# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    sales_agent_id = fields.Many2one(
        "res.partner",
        string="Agent",
        compute="_compute_sales_agent_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="The agent this invoice counts for: the order's agent, or the "
        "customer's.",
    )

    @api.depends("partner_id")
    def _compute_sales_agent_id(self):
        for move in self:
            move.sales_agent_id = (
                move.is_sale_document(include_receipts=True)
                and move.partner_id.commercial_partner_id.sales_agent_id
            )
