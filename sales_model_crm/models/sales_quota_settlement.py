# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesQuotaSettlement(models.Model):
    """The settlement of a quota at its period close, kept for review."""

    _name = "sales.quota.settlement"
    _description = "Quota Settlement"
    _inherit = ["mail.thread"]
    _order = "date_end desc, id desc"
    _check_company_auto = True

    quota_id = fields.Many2one(
        "sales.quota", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="quota_id.company_id", store=True)
    date_end = fields.Date(related="quota_id.date_end", store=True)
    user_id = fields.Many2one(related="quota_id.user_id", store=True)
    team_id = fields.Many2one(related="quota_id.team_id", store=True)
    agent_id = fields.Many2one(related="quota_id.agent_id", store=True)
    reward_amount = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
