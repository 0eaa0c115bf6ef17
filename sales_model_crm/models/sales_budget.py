# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesBudgetCategory(models.Model):
    _name = "sales.budget.category"
    _description = "Expense Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)


class SalesBudget(models.Model):
    """An expense budget (费用预算) per owner and assessment period."""

    _name = "sales.budget"
    _description = "Sales Expense Budget"
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
    owner_type = fields.Selection(
        [("user", "Salesperson"), ("team", "Sales Team"), ("agent", "Agent")],
        string="Owner Is",
        required=True,
        default="user",
    )
    user_id = fields.Many2one("res.users", string="Salesperson", index=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", index=True)
    agent_id = fields.Many2one("res.partner", string="Agent", index=True)
    line_ids = fields.One2many("sales.budget.line", "budget_id", string="Budget")
    expense_ids = fields.One2many(
        "sales.budget.expense", "budget_id", string="Spending"
    )


class SalesBudgetLine(models.Model):
    _name = "sales.budget.line"
    _description = "Sales Expense Budget Line"

    budget_id = fields.Many2one(
        "sales.budget", required=True, index=True, ondelete="cascade"
    )
    category_id = fields.Many2one("sales.budget.category", required=True)
    company_id = fields.Many2one(related="budget_id.company_id", store=True)
    user_id = fields.Many2one(related="budget_id.user_id", store=True)
    team_id = fields.Many2one(related="budget_id.team_id", store=True)
    agent_id = fields.Many2one(related="budget_id.agent_id", store=True)


class SalesBudgetExpense(models.Model):
    _name = "sales.budget.expense"
    _description = "Sales Expense"

    budget_id = fields.Many2one(
        "sales.budget", required=True, index=True, ondelete="cascade"
    )
    category_id = fields.Many2one("sales.budget.category", required=True)
    company_id = fields.Many2one(related="budget_id.company_id", store=True)
    user_id = fields.Many2one(related="budget_id.user_id", store=True)
    team_id = fields.Many2one(related="budget_id.team_id", store=True)
    agent_id = fields.Many2one(related="budget_id.agent_id", store=True)
