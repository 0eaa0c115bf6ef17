# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class SalesCollectionLine(models.Model):
    """Cash collected: one row per reconciliation of cash with a customer
    invoice or credit note.

    The one definition of "collected" that the quotas' collected basis and the
    VP dashboard both read: only cash counts (the counterpart of the invoice's
    receivable line is a payment or a bank statement line, never a credit note
    or a write-off), on the day of the reconciliation, in company currency;
    money paid back on a credit note counts negatively.
    """

    _name = "sales.collection.line"
    _description = "Cash Collected"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "move_id"
    _depends = {
        "account.partial.reconcile": [
            "debit_move_id",
            "credit_move_id",
            "amount",
            "max_date",
        ],
        "account.move.line": ["move_id"],
        "account.move": [
            "move_type",
            "state",
            "company_id",
            "commercial_partner_id",
            "invoice_user_id",
            "team_id",
            "sales_agent_id",
            "invoice_date_due",
            "origin_payment_id",
            "statement_line_id",
        ],
    }

    date = fields.Date(
        readonly=True, help="Day the cash was reconciled with the invoice."
    )
    company_id = fields.Many2one("res.company", readonly=True)
    company_currency_id = fields.Many2one(
        "res.currency", string="Company Currency", readonly=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    agent_id = fields.Many2one("res.partner", string="Agent", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    move_type = fields.Selection(
        [("out_invoice", "Invoice"), ("out_refund", "Credit Note")],
        string="Type",
        readonly=True,
    )
    invoice_date_due = fields.Date(string="Due Date", readonly=True)
    payment_move_id = fields.Many2one("account.move", string="Payment", readonly=True)
    amount = fields.Monetary(
        string="Collected",
        currency_field="company_currency_id",
        readonly=True,
        help="Cash received on the invoice, in company currency; money paid "
        "back on a credit note is negative.",
    )

    @property
    def _table_query(self):
        # one index lookup per reconciliation (LIMIT 1 keeps PostgreSQL from
        # hashing the whole journal item table instead); a reconciliation has
        # one cash side, so its id is the row's
        return SQL(" UNION ALL ").join(
            SQL(
                """
                SELECT apr.id, apr.max_date AS date, inv.company_id,
                       company.currency_id AS company_currency_id,
                       inv.commercial_partner_id AS partner_id,
                       inv.invoice_user_id AS user_id, inv.team_id,
                       inv.sales_agent_id AS agent_id, inv.id AS move_id,
                       inv.move_type, inv.invoice_date_due,
                       pm.id AS payment_move_id, %(sign)s * apr.amount AS amount
                  FROM account_partial_reconcile apr
                  JOIN LATERAL (
                      SELECT l.move_id FROM account_move_line l
                       WHERE l.id = apr.%(invoice_side)s LIMIT 1
                  ) il ON TRUE
                  JOIN account_move inv ON inv.id = il.move_id
                  JOIN res_company company ON company.id = inv.company_id
                  JOIN LATERAL (
                      SELECT l.move_id FROM account_move_line l
                       WHERE l.id = apr.%(payment_side)s LIMIT 1
                  ) pl ON TRUE
                  JOIN account_move pm ON pm.id = pl.move_id
                 WHERE inv.move_type = %(move_type)s AND inv.state = 'posted'
                   AND (pm.origin_payment_id IS NOT NULL
                        OR pm.statement_line_id IS NOT NULL)
                """,
                sign=sign,
                invoice_side=SQL.identifier(invoice_side),
                payment_side=SQL.identifier(payment_side),
                move_type=move_type,
            )
            for move_type, invoice_side, payment_side, sign in (
                ("out_invoice", "debit_move_id", "credit_move_id", 1),
                ("out_refund", "credit_move_id", "debit_move_id", -1),
            )
        )
