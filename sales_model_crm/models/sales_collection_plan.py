# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Collection plans (回款计划): when the money of an order should come in.

A plan splits an order's total into installments with due dates, taken from
the order's payment terms or entered by hand. What was collected is read
from the order's customer invoices: payments (or bank statement lines)
reconciled with their receivable lines, the same cash the collected quotas
count, and is allocated to the installments in due-date order (first due,
first paid).
"""

import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare, float_is_zero

from .batch_isolation import run_isolated

_logger = logging.getLogger(__name__)

# reminder days before a due date when the company sets none
DEFAULT_REMINDER_DAYS = 3


class SalesCollectionPlan(models.Model):
    _name = "sales.collection.plan"
    _description = "Collection Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_order desc, id desc"
    _check_company_auto = True

    name = fields.Char(related="order_id.name", store=True, string="Reference")
    order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    date_order = fields.Datetime(related="order_id.date_order", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        related="order_id.partner_id",
        store=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        compute="_compute_from_order",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_from_order",
        store=True,
        readonly=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", related="order_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(
        "res.currency", related="order_id.currency_id", store=True
    )
    amount_total = fields.Monetary(
        string="Total",
        compute="_compute_amount_total",
        store=True,
        readonly=False,
        tracking=True,
        help="What the customer owes under this plan: by default the order total.",
    )
    installment_ids = fields.One2many(
        "sales.collection.installment", "plan_id", string="Installments", copy=True
    )
    installment_count = fields.Integer(compute="_compute_collected")
    amount_collected = fields.Monetary(
        string="Collected",
        compute="_compute_collected",
        help="Payments reconciled with the order's customer invoices.",
    )
    amount_to_collect = fields.Monetary(
        string="To Collect", compute="_compute_collected"
    )
    amount_overdue = fields.Monetary(string="Overdue", compute="_compute_collected")
    next_due_date = fields.Date(compute="_compute_collected")
    invoiced = fields.Boolean(
        compute="_compute_invoiced",
        help="The order has customer invoices: only managers change the plan.",
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "order_unique",
            "unique(order_id)",
            "An order has one collection plan.",
        ),
    ]

    @api.depends("order_id")
    def _compute_from_order(self):
        for plan in self:
            plan.user_id = plan.order_id.user_id
            plan.team_id = plan.order_id.team_id

    @api.depends("order_id.amount_total")
    def _compute_amount_total(self):
        for plan in self:
            plan.amount_total = plan.order_id.amount_total

    @api.depends("order_id.invoice_ids.state")
    def _compute_invoiced(self):
        for plan in self:
            plan.invoiced = any(
                move.state != "cancel" for move in plan.order_id.invoice_ids
            )

    @api.depends("installment_ids.amount", "installment_ids.due_date", "amount_total")
    def _compute_collected(self):
        today = fields.Date.context_today(self)
        collected_by_plan = self._collected_by_plan()
        allocation = self.installment_ids._allocate_collected(collected_by_plan)
        for plan in self:
            installments = plan.installment_ids
            plan.installment_count = len(installments)
            collected = collected_by_plan.get(plan.id, 0.0)
            plan.amount_collected = collected
            plan.amount_to_collect = max(plan.amount_total - collected, 0.0)
            open_ones = installments.filtered(
                lambda inst: allocation.get(inst.id, 0.0) < inst.amount
            )
            plan.amount_overdue = sum(
                inst.amount - allocation.get(inst.id, 0.0)
                for inst in open_ones
                if inst.due_date < today
            )
            plan.next_due_date = min(open_ones.mapped("due_date"), default=False)

    # --- collected money ------------------------------------------------------

    def _collected_by_plan(self):
        """{plan id: collected amount}, one query for all plans of ``self``."""
        plans = self.filtered("id")
        if not plans:
            return {}
        self.env.flush_all()
        return plans._query_collected(plans.ids)

    @api.model
    def _collected_query(self, plan_ids=None):
        """Rows (plan id, date, amount): the cash reconciled with the invoices.

        Same definition as the collected quotas: the invoice's counterpart is
        a payment or a bank statement line (not a refund or a write-off),
        dated by the reconciliation; money paid back on a refund counts
        negatively. Amounts are in the invoice's currency. Without
        ``plan_ids``, the rows of every plan (the collections report).
        """
        plan_filter = (
            SQL("plan.id = ANY(%s)", plan_ids) if plan_ids is not None else SQL("TRUE")
        )
        return SQL(" UNION ALL ").join(
            SQL(
                """
                SELECT plan.id AS plan_id, apr.max_date AS date,
                       %(sign)s * apr.%(amount)s AS amount
                  FROM sales_collection_plan plan
                  JOIN LATERAL (
                      SELECT DISTINCT aml.move_id
                        FROM sale_order_line sol
                        JOIN sale_order_line_invoice_rel rel
                          ON rel.order_line_id = sol.id
                        JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                       WHERE sol.order_id = plan.order_id
                  ) invoice ON TRUE
                  JOIN account_move inv ON inv.id = invoice.move_id
                  JOIN account_move_line il ON il.move_id = inv.id
                  JOIN account_partial_reconcile apr
                    ON apr.%(invoice_side)s = il.id
                  JOIN account_move_line pl ON pl.id = apr.%(payment_side)s
                  JOIN account_move pm ON pm.id = pl.move_id
                 WHERE %(plan_filter)s
                   AND inv.move_type = %(move_type)s AND inv.state = 'posted'
                   AND (pm.origin_payment_id IS NOT NULL
                        OR pm.statement_line_id IS NOT NULL)
                """,
                sign=sign,
                amount=SQL.identifier(amount),
                invoice_side=SQL.identifier(invoice_side),
                payment_side=SQL.identifier(payment_side),
                move_type=move_type,
                plan_filter=plan_filter,
            )
            for move_type, invoice_side, payment_side, amount, sign in (
                (
                    "out_invoice",
                    "debit_move_id",
                    "credit_move_id",
                    "debit_amount_currency",
                    1,
                ),
                (
                    "out_refund",
                    "credit_move_id",
                    "debit_move_id",
                    "credit_amount_currency",
                    -1,
                ),
            )
        )

    @api.model
    def _query_collected(self, plan_ids):
        self.env.cr.execute(
            SQL(
                "SELECT plan_id, SUM(amount) FROM (%s) c GROUP BY plan_id",
                self._collected_query(plan_ids),
            )
        )
        return {
            plan_id: float(amount or 0.0) for plan_id, amount in self.env.cr.fetchall()
        }

    # --- checks ---------------------------------------------------------------

    def _check_installments_total(self):
        for plan in self:
            if not plan.installment_ids:
                continue
            planned = sum(plan.installment_ids.mapped("amount"))
            rounding = plan.currency_id.rounding or 0.01
            if float_compare(planned, plan.amount_total, precision_rounding=rounding):
                raise ValidationError(
                    _(
                        "The installments of the collection plan %(plan)s add up "
                        "to %(planned)s, not to its total %(total)s: correct the "
                        "amounts or the total.",
                        plan=plan.display_name,
                        planned=plan.currency_id.format(planned),
                        total=plan.currency_id.format(plan.amount_total),
                    )
                )

    @api.constrains("installment_ids", "amount_total")
    def _check_total(self):
        for plan in self:
            if (
                float_compare(
                    plan.amount_total, 0.0, precision_rounding=plan.currency_id.rounding
                )
                < 0
            ):
                raise ValidationError(
                    _("A collection plan's total cannot be negative.")
                )
        self._check_installments_total()

    def _check_can_change(self):
        """Salespeople change their plans until the order is invoiced."""
        if (
            self.env.su
            or self.env.user.has_group("sales_model_crm.group_sales_team_manager")
            or self.env.user.has_group("sales_team.group_sale_manager")
        ):
            return
        invoiced = self.filtered("invoiced")
        if invoiced:
            raise UserError(
                _(
                    "The order %(order)s is invoiced: ask your manager to change "
                    "its collection plan.",
                    order=invoiced[0].order_id.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        plans = super(
            SalesCollectionPlan, self.with_context(sales_collection_plan_write=True)
        ).create(vals_list)
        plans._check_can_change()
        # the records returned must not carry the flag that skips line checks
        return self.browse(plans.ids)

    def write(self, vals):
        self._check_can_change()
        return super(
            SalesCollectionPlan, self.with_context(sales_collection_plan_write=True)
        ).write(vals)

    def unlink(self):
        self._check_can_change()
        return super().unlink()

    # --- actions --------------------------------------------------------------

    def action_generate_installments(self):
        """Replace the installments by those of the order's payment terms."""
        for plan in self:
            order = plan.order_id
            if not order.payment_term_id:
                raise UserError(
                    _(
                        "The order %(order)s has no payment terms: enter the "
                        "installments by hand.",
                        order=order.name,
                    )
                )
            # the order's day is the company's, as for the quotas' collections
            date_ref = (
                order.date_order
                and fields.Datetime.context_timestamp(
                    plan.with_context(tz=plan.company_id._sales_tz()), order.date_order
                ).date()
            ) or plan.company_id._sales_today()
            terms = order.payment_term_id._compute_terms(
                date_ref=date_ref,
                currency=plan.currency_id,
                company=plan.company_id,
                tax_amount=0.0,
                tax_amount_currency=0.0,
                sign=1,
                untaxed_amount=plan.amount_total,
                untaxed_amount_currency=plan.amount_total,
            )
            commands = [fields.Command.clear()] + [
                fields.Command.create(
                    {
                        "due_date": line["date"],
                        "amount": line["foreign_amount"],
                        "note": order.payment_term_id.name,
                    }
                )
                for line in terms["line_ids"]
            ]
            plan.installment_ids = commands
        return True

    def action_view_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.order_id.id,
            "view_mode": "form",
        }

    # --- reminders ------------------------------------------------------------

    @api.model
    def _reminder_days(self, company):
        # the company setting, read by name: it lives with the other company
        # settings (res.company) and may be missing while that is wired up
        days = company._fields.get("sales_collection_reminder_days")
        return company[days.name] if days else DEFAULT_REMINDER_DAYS

    @api.model
    def _cron_send_reminders(self, batch_size=200):
        """Remind salespeople before due dates and of overdue installments.

        Each installment is reminded at most once per kind (before, overdue):
        the flags written with the activities make a second run a no-op.
        """
        today = fields.Date.context_today(self)
        installments = self.env["sales.collection.installment"]
        count = 0
        for company in self.env["res.company"].search([]):
            days = self._reminder_days(company)
            for kind, domain in (
                (
                    "before",
                    [
                        ("reminded_before", "=", False),
                        ("due_date", ">=", today),
                        ("due_date", "<=", today + timedelta(days=days)),
                    ],
                ),
                (
                    "overdue",
                    [("reminded_overdue", "=", False), ("due_date", "<", today)],
                ),
            ):
                candidates = installments.search(
                    [("company_id", "=", company.id), ("user_id", "!=", False)]
                    + domain,
                    order="due_date, id",
                )
                # the state depends on today and on the payments: never trust
                # a value computed earlier in the transaction
                candidates.invalidate_recordset(
                    ["amount_collected", "amount_residual", "state"]
                )
                for start in range(0, len(candidates), batch_size):
                    batch = candidates[start : start + batch_size]
                    count += batch._remind_isolated(kind)
        return count


class SalesCollectionInstallment(models.Model):
    _name = "sales.collection.installment"
    _description = "Collection Installment"
    _order = "plan_id, due_date, id"

    plan_id = fields.Many2one(
        "sales.collection.plan", required=True, index=True, ondelete="cascade"
    )
    due_date = fields.Date(required=True, index=True)
    amount = fields.Monetary(required=True)
    note = fields.Char()
    currency_id = fields.Many2one(related="plan_id.currency_id", store=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    order_id = fields.Many2one(related="plan_id.order_id", store=True, index=True)
    partner_id = fields.Many2one(related="plan_id.partner_id", store=True)
    user_id = fields.Many2one(
        related="plan_id.user_id", store=True, index=True, string="Salesperson"
    )
    team_id = fields.Many2one(related="plan_id.team_id", store=True, index=True)
    amount_collected = fields.Monetary(
        string="Collected",
        compute="_compute_collected",
        help="The plan's collections, allocated to installments by due date.",
    )
    amount_residual = fields.Monetary(string="To Collect", compute="_compute_collected")
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("partial", "Partially Collected"),
            ("collected", "Collected"),
            ("overdue", "Overdue"),
        ],
        compute="_compute_collected",
        search="_search_state",
    )
    reminded_before = fields.Boolean(copy=False, readonly=True)
    reminded_overdue = fields.Boolean(copy=False, readonly=True)

    @api.depends("amount", "due_date", "plan_id")
    def _compute_collected(self):
        today = fields.Date.context_today(self)
        allocation = self._allocate_collected()
        for inst in self:
            collected = allocation.get(inst.id, 0.0)
            rounding = inst.currency_id.rounding or 0.01
            inst.amount_collected = collected
            inst.amount_residual = max(inst.amount - collected, 0.0)
            if float_is_zero(inst.amount_residual, precision_rounding=rounding):
                inst.state = "collected"
            elif inst.due_date and inst.due_date < today:
                inst.state = "overdue"
            elif float_is_zero(collected, precision_rounding=rounding):
                inst.state = "planned"
            else:
                inst.state = "partial"

    def _allocate_collected(self, collected=None):
        """{installment id: collected}: each plan's cash, first due first paid."""
        plans = self.plan_id
        if collected is None:
            collected = plans._collected_by_plan()
        allocation = {}
        for plan in plans:
            available = collected.get(plan.id, 0.0)
            for inst in plan.installment_ids.sorted(lambda i: (i.due_date, i.id)):
                share = min(max(available, 0.0), inst.amount)
                allocation[inst.id] = share
                available -= share
        return allocation

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(_("This search on the installment state is not supported."))
        values = {value} if isinstance(value, str) else set(value or ())
        # the state follows the collected money: evaluate it on the open
        # plans' installments (one query for all of them)
        installments = self.search([])
        matching = installments.filtered(lambda inst: inst.state in values)
        if operator in ("=", "in"):
            return [("id", "in", matching.ids)]
        return [("id", "not in", matching.ids)]

    @api.constrains("amount", "due_date")
    def _check_values(self):
        for inst in self:
            if (
                float_compare(
                    inst.amount,
                    0.0,
                    precision_rounding=inst.currency_id.rounding or 0.01,
                )
                <= 0
            ):
                raise ValidationError(
                    _(
                        "An installment of %(plan)s must have a positive amount.",
                        plan=inst.plan_id.display_name,
                    )
                )
            order_date = fields.Date.to_date(inst.plan_id.date_order)
            if order_date and inst.due_date < order_date:
                raise ValidationError(
                    _(
                        "The installment due on %(due)s comes before the order "
                        "date %(order_date)s of %(plan)s.",
                        due=fields.Date.to_string(inst.due_date),
                        order_date=fields.Date.to_string(order_date),
                        plan=inst.plan_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        installments = super().create(vals_list)
        installments.plan_id._check_can_change()
        if not self.env.context.get("sales_collection_plan_write"):
            installments.plan_id._check_installments_total()
        return installments

    def write(self, vals):
        self.plan_id._check_can_change()
        res = super().write(vals)
        # edits through the plan form are checked by the plan, once, after
        # all its lines are written; a direct edit is checked here
        if "amount" in vals and not self.env.context.get("sales_collection_plan_write"):
            self.plan_id._check_installments_total()
        return res

    def unlink(self):
        plans = self.plan_id
        plans._check_can_change()
        res = super().unlink()
        if not self.env.context.get("sales_collection_plan_write"):
            plans.exists()._check_installments_total()
        return res

    def _remind_isolated(self, kind):
        """``_remind``, with one bad installment logged and skipped; return
        how many were reminded.

        Without this, one installment whose reminder raises failed the whole
        cron every day and nobody else was reminded any more.
        """
        done = run_isolated(
            self.env,
            self,
            lambda installments: installments._remind(kind),
            "Collection reminder of installment %s failed: skipped",
            _logger,
            name="Collection reminders",
        )
        # reminded = flagged by _remind (what it counts); a rolled-back one
        # is not flagged, and the candidates were all unflagged
        flag = "reminded_overdue" if kind == "overdue" else "reminded_before"
        return len(done.filtered(flag))

    def _remind(self, kind):
        """Schedule one activity per installment of ``self``; return how many."""
        if kind == "overdue":
            todo = self.filtered(lambda inst: inst.state == "overdue")
        else:
            todo = self.filtered(lambda inst: inst.state in ("planned", "partial"))
        if not todo:
            return 0
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        plan_model = self.env["ir.model"]._get_id("sales.collection.plan")
        today = fields.Date.context_today(self)
        vals_list = []
        for inst in todo:
            plan = inst.plan_id.with_context(lang=inst.user_id.lang)
            if kind == "overdue":
                summary = _(
                    "Overdue collection from %(customer)s: %(amount)s was due "
                    "on %(due)s (%(order)s)",
                    customer=plan.partner_id.name,
                    amount=inst.currency_id.format(inst.amount_residual),
                    due=fields.Date.to_string(inst.due_date),
                    order=plan.order_id.name,
                )
            else:
                summary = _(
                    "Collect %(amount)s from %(customer)s by %(due)s (%(order)s)",
                    customer=plan.partner_id.name,
                    amount=inst.currency_id.format(inst.amount_residual),
                    due=fields.Date.to_string(inst.due_date),
                    order=plan.order_id.name,
                )
            vals_list.append(
                {
                    "activity_type_id": activity_type.id,
                    "res_model_id": plan_model,
                    "res_id": plan.id,
                    "user_id": inst.user_id.id,
                    "date_deadline": max(inst.due_date, today),
                    "summary": summary,
                }
            )
        flag = "reminded_overdue" if kind == "overdue" else "reminded_before"
        try:
            with self.env.cr.savepoint():
                # subscribed first, once per salesperson: mail.activity
                # subscribes per activity and inserts the same follower twice
                # when one batch holds two reminders of one plan
                for user in todo.user_id:
                    todo.filtered(
                        lambda inst, user=user: inst.user_id == user
                    ).plan_id.message_subscribe(partner_ids=user.partner_id.ids)
                # quick update: no assignment email per reminder
                self.env["mail.activity"].with_context(
                    mail_activity_quick_update=True
                ).create(vals_list)
                self.env.cr.execute(
                    SQL(
                        "UPDATE sales_collection_installment SET %s = TRUE "
                        "WHERE id = ANY(%s)",
                        SQL.identifier(flag),
                        todo.ids,
                    )
                )
        except Exception:  # pylint: disable=broad-except
            _logger.exception("Collection reminders failed for %s", todo)
            return 0
        todo.invalidate_recordset([flag])
        return len(todo)
