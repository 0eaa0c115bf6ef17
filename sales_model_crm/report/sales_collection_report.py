# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class SalesCollectionReport(models.Model):
    """Planned against collected, per salesperson and period.

    Two kinds of rows: the installments, on their due dates, and the cash
    reconciled with the plans' invoices, on the reconciliation date (the
    same collections the collected quotas count).
    """

    _name = "sales.collection.report"
    _description = "Collections Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "plan_id"
    _depends = {
        "sales.collection.plan": [
            "order_id",
            "partner_id",
            "user_id",
            "team_id",
            "company_id",
            "currency_id",
        ],
        "sales.collection.installment": ["plan_id", "due_date", "amount"],
        "account.partial.reconcile": [
            "debit_move_id",
            "credit_move_id",
            "debit_amount_currency",
            "credit_amount_currency",
            "max_date",
        ],
        "account.move": [
            "move_type",
            "state",
            "origin_payment_id",
            "statement_line_id",
        ],
        "sale.order.line": ["invoice_lines", "order_id"],
    }

    plan_id = fields.Many2one(
        "sales.collection.plan", string="Collection Plan", readonly=True
    )
    order_id = fields.Many2one("sale.order", string="Sales Order", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    date = fields.Date(
        readonly=True,
        help="Due date of a planned installment, reconciliation date of a "
        "collection.",
    )
    amount_planned = fields.Monetary(string="Planned", readonly=True)
    amount_collected = fields.Monetary(string="Collected", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (ORDER BY r.date, r.plan_id) AS id, r.*
              FROM (
                SELECT plan.id AS plan_id, plan.order_id, plan.partner_id,
                       plan.user_id, plan.team_id, plan.company_id,
                       plan.currency_id, inst.due_date AS date,
                       inst.amount AS amount_planned, 0.0 AS amount_collected
                  FROM sales_collection_installment inst
                  JOIN sales_collection_plan plan ON plan.id = inst.plan_id
                UNION ALL
                SELECT plan.id, plan.order_id, plan.partner_id, plan.user_id,
                       plan.team_id, plan.company_id, plan.currency_id, c.date,
                       0.0, c.amount
                  FROM (%(collected)s) c
                  JOIN sales_collection_plan plan ON plan.id = c.plan_id
              ) r
            """,
            collected=self.env["sales.collection.plan"]._collected_query(),
        )
