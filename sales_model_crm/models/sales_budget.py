# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# A budget burns too fast when its share spent runs ahead of the quota's
# attainment by more than this many percentage points.
OVER_BURN_MARGIN = 20.0
# hr_expense states that are spending: approved, or posted in accounting
HR_EXPENSE_STATES = ("approved", "done")


class SalesBudgetCategory(models.Model):
    _name = "sales.budget.category"
    _description = "Expense Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    product_ids = fields.Many2many(
        "product.product",
        string="Expense Products",
        help="With Expenses (hr_expense) installed: approved expenses of these "
        "products count in this category.",
    )


class SalesBudget(models.Model):
    """An expense budget (费用预算) per owner and assessment period.

    Planned amounts per category, spending from entered expenses (and from
    approved employee expenses when hr_expense is installed), and the burn
    against the attainment of the owner's quota in the same period.
    """

    _name = "sales.budget"
    _description = "Sales Expense Budget"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.owned.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        required=True,
        tracking=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
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
        tracking=True,
    )
    team_id = fields.Many2one(check_company=True)
    agent_id = fields.Many2one(
        "res.partner",
        string="Agent",
        index=True,
        domain=[("sales_kind_ids.code", "=", "agent")],
        check_company=True,
    )
    line_ids = fields.One2many(
        "sales.budget.line", "budget_id", string="Budget", copy=True
    )
    expense_ids = fields.One2many(
        "sales.budget.expense", "budget_id", string="Spending"
    )
    planned_amount = fields.Monetary(
        string="Planned",
        compute="_compute_planned_amount",
        store=True,
        tracking=True,
    )
    expense_amount = fields.Monetary(
        string="Entered Expenses",
        compute="_compute_expense_amount",
        store=True,
        help="The expenses entered on this budget.",
    )
    hr_expense_amount = fields.Monetary(
        string="Employee Expenses",
        compute="_compute_spending",
        help="Approved and posted expenses (Expenses app) of the salesperson, "
        "dated in the period.",
    )
    spent_amount = fields.Monetary(string="Spent", compute="_compute_spending")
    remaining_amount = fields.Monetary(string="Remaining", compute="_compute_spending")
    burn_rate = fields.Float(
        string="Burn (%)",
        compute="_compute_spending",
        help="Spent against planned.",
    )
    quota_id = fields.Many2one(
        "sales.quota",
        compute="_compute_quota_id",
        help="The owner's quota in the same period (without dimensions first), "
        "whose attainment the burn is compared with.",
    )
    attainment = fields.Float(string="Attainment (%)", compute="_compute_spending")
    over_burn = fields.Boolean(
        string="Burning Too Fast",
        compute="_compute_spending",
        help="The share of the budget spent runs ahead of the quota's attainment "
        "by more than 20 points.",
    )
    hr_expense_installed = fields.Boolean(compute="_compute_hr_expense_installed")
    note = fields.Html()

    # --- computes -----------------------------------------------------------

    @api.depends(
        "period_id.name",
        "owner_type",
        "user_id.name",
        "team_id.name",
        "agent_id.name",
    )
    def _compute_name(self):
        for budget in self:
            parts = [budget.period_id.name, budget._owner().name]
            budget.name = " · ".join(part for part in parts if part) or _("New Budget")

    def _sales_team_from_user(self):
        # a team's or an agent's budget keeps the team it was given, and so
        # does a salesperson's while they are in no team of the company
        if self.owner_type != "user" or not self.user_id:
            return None
        return super()._sales_team_from_user() or self.team_id

    @api.depends("line_ids.planned_amount")
    def _compute_planned_amount(self):
        for budget in self:
            budget.planned_amount = sum(budget.line_ids.mapped("planned_amount"))

    @api.depends("expense_ids.amount")
    def _compute_expense_amount(self):
        for budget in self:
            budget.expense_amount = sum(budget.expense_ids.mapped("amount"))

    def _compute_hr_expense_installed(self):
        self.hr_expense_installed = self._hr_expense_available()

    @api.depends("period_id", "owner_type", "user_id", "team_id", "agent_id")
    def _compute_quota_id(self):
        budgets = self.filtered("period_id")
        quotas = self.env["sales.quota"]
        if budgets:
            quotas = quotas.search(
                [
                    ("period_id", "in", budgets.period_id.ids),
                    "|",
                    "|",
                    ("user_id", "in", budgets.user_id.ids),
                    ("team_id", "in", budgets.team_id.ids),
                    ("agent_id", "in", budgets.agent_id.ids),
                ],
                order="id",
            )
        for budget in self:
            candidates = quotas.filtered(
                lambda quota, budget=budget: quota.period_id == budget.period_id
                and quota.owner_type == budget.owner_type
                and quota._owner() == budget._owner()
            )
            # the quota without dimensions is the owner's overall quota
            budget.quota_id = candidates.sorted(
                lambda quota: bool(
                    quota.region_id
                    or quota.product_category_id
                    or quota.customer_tier_id
                )
            )[:1]

    # the quota's attainment is read at each computation: quota_id is found
    # by a search, so its changes cannot trigger this one
    @api.depends("planned_amount", "expense_amount", "quota_id", "user_id", "period_id")
    def _compute_spending(self):
        hr_spending = self._hr_expense_spending()
        for budget in self:
            hr_amount = sum(
                amount
                for (budget_id, _category), amount in hr_spending.items()
                if budget_id == budget.id
            )
            budget.hr_expense_amount = hr_amount
            budget.spent_amount = budget.expense_amount + hr_amount
            budget.remaining_amount = budget.planned_amount - budget.spent_amount
            budget.burn_rate = (
                100.0 * budget.spent_amount / budget.planned_amount
                if budget.planned_amount
                else 0.0
            )
            budget.attainment = budget.quota_id.attainment
            budget.over_burn = bool(
                budget.quota_id
                and budget.spent_amount
                and (
                    not budget.planned_amount
                    or budget.burn_rate > budget.attainment + OVER_BURN_MARGIN
                )
            )

    # --- hr_expense ---------------------------------------------------------

    @api.model
    def _hr_expense_available(self):
        """Whether the Expenses app is installed (this addon does not need it)."""
        return "hr.expense" in self.env

    def _hr_expense_spending(self):
        """{(budget id, category id or False): amount} of employee expenses.

        Approved and posted expenses (hr.expense) of the employees whose user
        owns the budget, dated in its period, in company currency; the
        category is the one listing the expense's product. Two queries for
        all budgets; nothing at all without hr_expense.
        """
        if not self._hr_expense_available():
            return {}
        budgets = self.filtered(
            lambda budget: budget.id
            and budget.owner_type == "user"
            and budget.user_id
            and budget.date_start
            and budget.date_end
        )
        if not budgets:
            return {}
        # sudo: a budget's reader sees its spending as sums; employees and
        # expenses are read for the owners of these budgets only, as sums
        employees = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("user_id", "in", budgets.user_id.ids),
                    ("company_id", "in", budgets.company_id.ids),
                ]
            )
        )
        if not employees:
            return {}
        # sudo: the expenses of these owners only, summed per day and product
        groups = (
            self.env["hr.expense"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "in", HR_EXPENSE_STATES),
                    ("date", ">=", min(budgets.mapped("date_start"))),
                    ("date", "<=", max(budgets.mapped("date_end"))),
                ],
                ["employee_id", "product_id", "date:day"],
                ["total_amount:sum"],
            )
        )
        category_by_product = {}
        for category in self.env["sales.budget.category"].search([]):
            for product in category.product_ids:
                category_by_product.setdefault(product.id, category.id)
        by_owner = defaultdict(list)
        for budget in budgets:
            by_owner[(budget.user_id.id, budget.company_id.id)].append(budget)
        result = defaultdict(float)
        for employee, product, day, amount in groups:
            owner = (employee.user_id.id, employee.company_id.id)
            for budget in by_owner.get(owner, ()):
                if budget.date_start <= day <= budget.date_end:
                    category = category_by_product.get(product.id, False)
                    result[(budget.id, category)] += amount
        return dict(result)

    # --- rules --------------------------------------------------------------

    def _owner(self):
        self.ensure_one()
        return {
            "user": self.user_id,
            "team": self.team_id,
            "agent": self.agent_id,
        }[self.owner_type]

    @api.constrains("owner_type", "user_id", "team_id", "agent_id")
    def _check_owner(self):
        for budget in self:
            if not budget._owner():
                raise ValidationError(
                    _("The budget %(name)s has no owner.", name=budget.display_name)
                )

    @api.constrains("period_id", "owner_type", "user_id", "team_id", "agent_id")
    def _check_unique_owner_period(self):
        """One budget per owner and period (one query per batch)."""
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT 1
                  FROM sales_budget
                 WHERE period_id = ANY(%(periods)s)
                 GROUP BY company_id, period_id, owner_type,
                          CASE WHEN owner_type = 'user' THEN user_id END,
                          CASE WHEN owner_type = 'team' THEN team_id END,
                          CASE WHEN owner_type = 'agent' THEN agent_id END
                HAVING count(*) > 1
                 LIMIT 1
                """,
                periods=self.period_id.ids,
            )
        )
        if self.env.cr.fetchone():
            raise ValidationError(
                _("There is already an expense budget for this owner and period.")
            )

    @api.constrains("period_id")
    def _check_expense_dates(self):
        # a budget moved to another period must not leave expenses outside it
        self.expense_ids._check_date()


class SalesBudgetLine(models.Model):
    """The amount planned for one expense category."""

    _name = "sales.budget.line"
    _description = "Sales Expense Budget Line"
    _order = "budget_id, sequence, id"

    budget_id = fields.Many2one(
        "sales.budget", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(related="category_id.sequence", store=True)
    category_id = fields.Many2one(
        "sales.budget.category", required=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="budget_id.company_id", store=True)
    currency_id = fields.Many2one(related="budget_id.currency_id")
    user_id = fields.Many2one(related="budget_id.user_id", store=True)
    team_id = fields.Many2one(related="budget_id.team_id", store=True)
    agent_id = fields.Many2one(related="budget_id.agent_id", store=True)
    period_id = fields.Many2one(related="budget_id.period_id", store=True)
    planned_amount = fields.Monetary(string="Planned")
    expense_amount = fields.Monetary(
        string="Entered Expenses",
        compute="_compute_expense_amount",
        store=True,
    )
    spent_amount = fields.Monetary(string="Spent", compute="_compute_spent_amount")
    remaining_amount = fields.Monetary(
        string="Remaining", compute="_compute_spent_amount"
    )
    burn_rate = fields.Float(string="Burn (%)", compute="_compute_spent_amount")

    _sql_constraints = [
        (
            "category_unique",
            "UNIQUE(budget_id, category_id)",
            "A budget plans each expense category once.",
        ),
    ]

    @api.depends(
        "category_id",
        "budget_id.expense_ids.amount",
        "budget_id.expense_ids.category_id",
    )
    def _compute_expense_amount(self):
        for line in self:
            line.expense_amount = sum(
                expense.amount
                for expense in line.budget_id.expense_ids
                if expense.category_id == line.category_id
            )

    @api.depends("planned_amount", "expense_amount")
    def _compute_spent_amount(self):
        hr_spending = self.budget_id._hr_expense_spending()
        for line in self:
            line.spent_amount = line.expense_amount + hr_spending.get(
                (line.budget_id.id, line.category_id.id), 0.0
            )
            line.remaining_amount = line.planned_amount - line.spent_amount
            line.burn_rate = (
                100.0 * line.spent_amount / line.planned_amount
                if line.planned_amount
                else 0.0
            )

    @api.constrains("planned_amount")
    def _check_planned_amount(self):
        for line in self:
            if line.planned_amount < 0:
                raise ValidationError(
                    _(
                        "The planned amount for %(category)s cannot be negative.",
                        category=line.category_id.name,
                    )
                )


class SalesBudgetExpense(models.Model):
    """An expense entered against a budget, with its receipt."""

    _name = "sales.budget.expense"
    _description = "Sales Expense"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Description", required=True, tracking=True)
    budget_id = fields.Many2one(
        "sales.budget",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self._default_budget_id(),
        tracking=True,
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    amount = fields.Monetary(required=True, tracking=True)
    category_id = fields.Many2one(
        "sales.budget.category", required=True, ondelete="restrict", tracking=True
    )
    receipt = fields.Binary(attachment=True, copy=False)
    receipt_filename = fields.Char()
    company_id = fields.Many2one(related="budget_id.company_id", store=True)
    currency_id = fields.Many2one(related="budget_id.currency_id")
    user_id = fields.Many2one(related="budget_id.user_id", store=True)
    team_id = fields.Many2one(related="budget_id.team_id", store=True)
    agent_id = fields.Many2one(related="budget_id.agent_id", store=True)
    period_id = fields.Many2one(related="budget_id.period_id", store=True)

    @api.model
    def _default_budget_id(self):
        """The current user's budget of a period running today."""
        today = fields.Date.context_today(self)
        return self.env["sales.budget"].search(
            [
                ("owner_type", "=", "user"),
                ("user_id", "=", self.env.uid),
                ("date_start", "<=", today),
                ("date_end", ">=", today),
            ],
            order="date_end, id",
            limit=1,
        )

    @api.constrains("amount")
    def _check_amount(self):
        for expense in self:
            if expense.amount <= 0:
                raise ValidationError(
                    _(
                        "The expense %(name)s needs an amount above zero.",
                        name=expense.name,
                    )
                )

    @api.constrains("date", "budget_id")
    def _check_date(self):
        for expense in self:
            budget = expense.budget_id
            if not budget.date_start <= expense.date <= budget.date_end:
                raise ValidationError(
                    _(
                        "The expense %(name)s of %(date)s is outside the period "
                        "of %(budget)s (%(start)s to %(end)s).",
                        name=expense.name,
                        date=expense.date,
                        budget=budget.display_name,
                        start=budget.date_start,
                        end=budget.date_end,
                    )
                )
