# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    sales_agent_id = fields.Many2one(
        "res.partner",
        string="Agent",
        index="btree_not_null",
        tracking=True,
        domain=[("sales_kind_ids.code", "=", "agent"), ("is_company", "=", True)],
        help="The channel partner (代理) who serves this customer: its sales "
        "count toward the agent's quota.",
    )
    sales_agent_customer_ids = fields.One2many(
        "res.partner", "sales_agent_id", string="Agent's Customers"
    )
