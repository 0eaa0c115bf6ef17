# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesPlan(models.Model):
    """A plan (计划): an owner's workload for one assessment period."""

    _name = "sales.plan"
    _description = "Sales Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    period_id = fields.Many2one(
        "date.range",
        string="Assessment Period",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
    )
    date_start = fields.Date(related="period_id.date_start", store=True)
    date_end = fields.Date(related="period_id.date_end", store=True)
    quota_id = fields.Many2one(
        "sales.quota", index=True, check_company=True, ondelete="set null"
    )
    owner_type = fields.Selection(
        [("user", "Salesperson"), ("team", "Sales Team"), ("agent", "Agent")],
        string="Owner Is",
        required=True,
        default="user",
    )
    user_id = fields.Many2one("res.users", string="Salesperson", index=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", index=True)
    agent_id = fields.Many2one("res.partner", string="Agent", index=True)
    line_ids = fields.One2many("sales.plan.line", "plan_id", string="Plan Lines")


class SalesPlanLine(models.Model):
    _name = "sales.plan.line"
    _description = "Sales Plan Line"

    plan_id = fields.Many2one(
        "sales.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    user_id = fields.Many2one(related="plan_id.user_id", store=True)
    team_id = fields.Many2one(related="plan_id.team_id", store=True)
    agent_id = fields.Many2one(related="plan_id.agent_id", store=True)
