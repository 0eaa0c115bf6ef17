# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare, float_round, format_amount

COUNT_BASES = ("new_customers", "won_deals")
TIERS = ("minimum", "target", "stretch")
# fields the progress refresh writes on confirmed and closed quotas too
PROGRESS_FIELDS = frozenset(
    {
        "actual_amount",
        "in_progress_amount",
        "progress_date",
        "behind_pace",
        "working_days_total",
        "working_days_elapsed",
    }
)
# changes that move a quota's documents or calendar: refresh it at once
REFRESH_TRIGGERS = frozenset(
    {
        "period_id",
        "owner_type",
        "user_id",
        "team_id",
        "agent_id",
        "region_id",
        "product_category_id",
        "customer_tier_id",
        "basis",
    }
)
# how a reward is counted at each tier reached
REWARD_MODES = [("fixed", "Fixed amount"), ("percent", "% of the excess")]
# what the reward or penalty is computed from, besides the tiers and actual
INCENTIVE_FIELDS = (
    "penalty_mode",
    "penalty_value",
    "reward_minimum_mode",
    "reward_minimum_value",
    "reward_target_mode",
    "reward_target_value",
    "reward_stretch_mode",
    "reward_stretch_value",
)
# fields anyone allowed to edit may still change on a locked quota
FREE_FIELDS = PROGRESS_FIELDS | {
    "note",
    "message_main_attachment_id",
    "activity_ids",
    "message_follower_ids",
    "repeat_next_period",
}


class SalesQuota(models.Model):
    """A quota (任务): what an owner must reach in an assessment period.

    One line is one period x one owner (a salesperson, a sales team or an
    agent) x optional dimensions (region, product category, customer tier),
    with three tiers: minimum (保底), target (达标) and stretch (冲刺).
    """

    _name = "sales.quota"
    _description = "Sales Quota"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.owned.mixin"]
    _order = "date_start desc, parent_id desc, owner_type, id"
    _check_company_auto = True
    _parent_store = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    display_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_display_currency_id",
        help="The company currency for amounts; none for counts.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period_id = fields.Many2one(
        "date.range",
        string="Assessment Period",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    date_start = fields.Date(related="period_id.date_start", store=True)
    date_end = fields.Date(related="period_id.date_end", store=True)
    period_type_id = fields.Many2one(
        related="period_id.type_id", store=True, string="Period Type"
    )
    owner_type = fields.Selection(
        [("user", "Salesperson"), ("team", "Sales Team"), ("agent", "Agent")],
        string="Owner Is",
        required=True,
        default="user",
        tracking=True,
    )
    # not precomputed: the team is computed after the insert, as it always
    # was for quotas (the mixin is not to change when it is computed)
    team_id = fields.Many2one(precompute=False, tracking=True, check_company=True)
    agent_id = fields.Many2one(
        "res.partner",
        string="Agent",
        index=True,
        tracking=True,
        domain=[("sales_kind_ids.code", "=", "agent")],
        check_company=True,
    )
    owner_name = fields.Char(string="Owner", compute="_compute_owner_name")
    region_id = fields.Many2one(
        "sales.region", string="Sales Region", tracking=True, check_company=True
    )
    product_category_id = fields.Many2one(
        "product.category", string="Product Line", tracking=True
    )
    customer_tier_id = fields.Many2one(
        "sales.customer.tier", string="Customer Tier", tracking=True
    )
    basis = fields.Selection(
        [
            ("sales", "Confirmed sales"),
            ("invoiced", "Invoiced (posted, net of refunds)"),
            ("collected", "Collected (回款)"),
            ("new_customers", "New customers (count)"),
            ("won_deals", "Won deals (count)"),
        ],
        string="Counts As",
        required=True,
        default="invoiced",
        tracking=True,
        help="What counts as the actual: confirmed sale orders, posted invoices "
        "net of refunds, payments reconciled with customer invoices (dated by "
        "reconciliation), or a count of new customers or won deals.",
    )
    is_count = fields.Boolean(compute="_compute_is_count")
    minimum = fields.Monetary(
        currency_field="display_currency_id",
        tracking=True,
        help="保底: below it, the penalty applies.",
    )
    target = fields.Monetary(
        currency_field="display_currency_id", tracking=True, help="达标."
    )
    stretch = fields.Monetary(
        currency_field="display_currency_id", tracking=True, help="冲刺."
    )
    # rewards and penalties (奖惩措施): a fixed amount, or a percentage of the
    # amount above a tier (rewards) or below the minimum (penalty); the rewards
    # of the tiers reached add up (see _reward_for)
    penalty_mode = fields.Selection(
        [("fixed", "Fixed amount"), ("percent", "% of the shortfall")],
        default="fixed",
        required=True,
    )
    penalty_value = fields.Float(
        string="Penalty below Minimum",
        help="Applies below the minimum, instead of any reward: a fixed amount, "
        "or a percentage of the shortfall under the minimum.",
    )
    reward_minimum_mode = fields.Selection(
        REWARD_MODES,
        default="fixed",
        required=True,
    )
    reward_minimum_value = fields.Float(
        string="Reward at Minimum",
        help="Paid once the minimum is reached: a fixed amount, or a percentage "
        "of the result above the minimum up to the target. Rewards add up: the "
        "higher tiers pay theirs on top of this one.",
    )
    reward_target_mode = fields.Selection(
        REWARD_MODES,
        default="fixed",
        required=True,
    )
    reward_target_value = fields.Float(
        string="Reward at Target",
        help="Paid on top of the minimum's reward once the target is reached: a "
        "fixed amount, or a percentage of the result above the target up to the "
        "stretch. Left at 0, reaching the target keeps paying the minimum's "
        "reward.",
    )
    reward_stretch_mode = fields.Selection(
        REWARD_MODES,
        default="fixed",
        required=True,
    )
    reward_stretch_value = fields.Float(
        string="Reward at Stretch",
        help="Paid on top of the minimum's and the target's rewards once the "
        "stretch is reached: a fixed amount, or a percentage of the result above "
        "the stretch. Left at 0, reaching the stretch keeps paying the lower "
        "tiers' rewards: the reward never falls when the result rises.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("closed", "Settled")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        help="A confirmed quota is locked: only a sales director changes it. A "
        "settled quota keeps the actuals frozen at the period close.",
    )
    parent_id = fields.Many2one(
        "sales.quota",
        string="Split From",
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("sales.quota", "parent_id", string="Split Into")
    # a quarter and its months, a team and its salespeople are parent and
    # parts: totals must never add both. The level filters of the Quotas
    # views (Salespeople, Teams, Agents) keep one owner level and leave out
    # the period parts of a line of the same level, so their sums count every
    # amount once (README, "Quotas": one number, one definition).
    is_period_part = fields.Boolean(
        string="Part of a Longer Period",
        compute="_compute_is_period_part",
        search="_search_is_period_part",
        help="Split from a quota of the same level, or inside the period of "
        "another quota of the same owner, basis and dimensions (a team's month "
        "and the team's quarter, a salesperson's month and their quarter): "
        "the level filters leave it out, so that totals count the longer "
        "period once.",
    )
    split_share = fields.Float(
        string="Share of Parent (%)",
        digits=(5, 2),
        help="The share of the parent quota this line received when split.",
    )
    split_mismatch = fields.Char(
        compute="_compute_split_mismatch",
        help="Set when the lines this quota was split into do not add up to it.",
    )
    repeat_next_period = fields.Boolean(
        string="Renew Next Period",
        help="At the start of the next period of the same type, a draft copy of "
        "this quota is created for it.",
    )
    note = fields.Html()

    # progress: refreshed in one batch by the daily job and the Refresh button
    actual_amount = fields.Monetary(
        string="Actual",
        currency_field="display_currency_id",
        readonly=True,
        copy=False,
    )
    in_progress_amount = fields.Monetary(
        string="In Progress",
        currency_field="display_currency_id",
        readonly=True,
        copy=False,
        help="Open quotations and the weighted pipeline expected in the period; "
        "confirmed but not invoiced orders for invoiced quotas; open receivables "
        "for collection quotas. What is open now counts once, in the period that "
        "holds today in the company's time zone (a quarter and its current "
        "month); a later period counts only the pipeline expected to close in it, "
        "and an ended period nothing.",
    )
    progress_date = fields.Datetime(string="Progress As Of", readonly=True, copy=False)
    working_days_total = fields.Integer(readonly=True, copy=False)
    working_days_elapsed = fields.Integer(readonly=True, copy=False)
    behind_pace = fields.Boolean(
        readonly=True,
        copy=False,
        help="Below the minimum's trajectory at the last refresh.",
    )
    attainment = fields.Float(
        string="Attainment (%)",
        compute="_compute_attainment",
        store=True,
        aggregator="avg",
        help="Actual against the target.",
    )
    attainment_minimum = fields.Float(
        string="Attainment of Minimum (%)", compute="_compute_attainment", store=True
    )
    attainment_stretch = fields.Float(
        string="Attainment of Stretch (%)", compute="_compute_attainment", store=True
    )
    tier_reached = fields.Selection(
        [
            ("none", "Below minimum"),
            ("minimum", "Minimum"),
            ("target", "Target"),
            ("stretch", "Stretch"),
        ],
        compute="_compute_attainment",
        store=True,
    )
    expected_to_date = fields.Monetary(
        string="Should Be Done by Today",
        currency_field="display_currency_id",
        compute="_compute_pace",
        help="The target pro rata of the working days elapsed.",
    )
    forecast_amount = fields.Monetary(
        string="Forecast at Period End",
        currency_field="display_currency_id",
        compute="_compute_pace",
        help="The actual extrapolated at the current run rate.",
    )
    gap_per_day = fields.Monetary(
        string="Needed per Remaining Day",
        currency_field="display_currency_id",
        compute="_compute_pace",
        help="What each remaining working day must bring to reach the target; "
        "0 once no working day is left (see Short of Target).",
    )
    gap_per_day_minimum = fields.Monetary(
        string="Needed per Day for Minimum",
        currency_field="display_currency_id",
        compute="_compute_pace",
    )
    working_days_remaining = fields.Integer(compute="_compute_pace")
    shortfall_target = fields.Monetary(
        string="Short of Target",
        currency_field="display_currency_id",
        compute="_compute_pace",
        help="What the actual lacks to reach the target.",
    )
    shortfall_minimum = fields.Monetary(
        string="Short of Minimum",
        currency_field="display_currency_id",
        compute="_compute_pace",
        help="What the actual lacks to reach the minimum.",
    )
    settlement_ids = fields.One2many("sales.quota.settlement", "quota_id")
    is_settled = fields.Boolean(string="Settled", compute="_compute_reward_amount")
    reward_amount = fields.Monetary(
        string="Reward / Penalty",
        compute="_compute_reward_amount",
        help="Positive for a reward, negative for a penalty: the rewards of "
        "every tier reached added up, or the penalty below the minimum. Once "
        "settled, the amount settled; until then, provisional: what the actual "
        "so far would earn.",
    )
    reward_projected = fields.Monetary(
        string="Projected Reward / Penalty",
        compute="_compute_reward_amount",
        help="Until the quota is settled: what the forecast at period end (the "
        "actual at the current run rate) would earn. Provisional: it moves with "
        "every refresh.",
    )
    to_settle = fields.Boolean(
        compute="_compute_to_settle",
        search="_search_to_settle",
        help="The period has ended and the quota is not settled yet: a draft "
        "still to confirm, or a confirmed quota the daily job has not settled.",
    )

    _sql_constraints = [
        (
            "split_share_range",
            "CHECK(split_share >= 0 AND split_share <= 100)",
            "A share of the parent quota is between 0 and 100 %.",
        ),
    ]

    # --- computes -----------------------------------------------------------

    @api.depends("owner_type", "parent_id", "period_id", "basis", "user_id", "team_id")
    def _compute_is_period_part(self):
        # new records (a form being filled) are no part of anything yet
        parts = set(self._period_parts([id_ for id_ in self.ids if id_]))
        for quota in self:
            quota.is_period_part = quota.id in parts

    def _search_is_period_part(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search the period parts with yes or no."))
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", self._period_parts_query())]

    def _period_parts(self, ids):
        self.env.cr.execute(self._period_parts_query(SQL("part.id = ANY(%s)", ids)))
        return [row[0] for row in self.env.cr.fetchall()]

    def _period_parts_query(self, where=None):
        """The quotas that are a part of a longer one of the same level.

        Either split from a quota of the same owner type, or set for a period
        inside the period of another quota of the same owner, basis and
        dimensions: a salesperson's December under their own Q4 quota is a
        part even when both were entered by hand.
        """
        self.env["sales.quota"].flush_model()
        return SQL(
            """
            (SELECT part.id FROM sales_quota part
              LEFT JOIN sales_quota parent ON parent.id = part.parent_id
             WHERE %(where)s AND (parent.owner_type = part.owner_type
                OR EXISTS (
                   SELECT 1 FROM sales_quota whole
                    WHERE whole.id != part.id
                      AND whole.company_id = part.company_id
                      AND whole.basis = part.basis
                      AND whole.owner_type = part.owner_type
                      AND CASE part.owner_type
                          WHEN 'user' THEN whole.user_id = part.user_id
                          WHEN 'agent' THEN whole.agent_id = part.agent_id
                          ELSE whole.team_id = part.team_id END
                      AND whole.region_id IS NOT DISTINCT FROM part.region_id
                      AND whole.product_category_id
                          IS NOT DISTINCT FROM part.product_category_id
                      AND whole.customer_tier_id
                          IS NOT DISTINCT FROM part.customer_tier_id
                      AND whole.date_start <= part.date_start
                      AND whole.date_end >= part.date_end
                      AND (whole.date_end - whole.date_start)
                          > (part.date_end - part.date_start))))
            """,
            where=where or SQL("TRUE"),
        )

    @api.depends("basis", "company_id.currency_id")
    def _compute_display_currency_id(self):
        for quota in self:
            quota.display_currency_id = (
                not quota.is_count and quota.company_id.currency_id
            )

    @api.depends("basis")
    def _compute_is_count(self):
        for quota in self:
            quota.is_count = quota.basis in COUNT_BASES

    def _sales_team_from_user(self):
        # a team's or an agent's quota keeps the team it was given, and so
        # does a salesperson's while they are in no team of the company
        if self.owner_type != "user" or not self.user_id:
            return None
        return super()._sales_team_from_user() or self.team_id

    @api.depends("owner_type", "user_id", "team_id", "agent_id")
    def _compute_owner_name(self):
        for quota in self:
            quota.owner_name = quota._owner().display_name or ""

    @api.depends(
        "period_id.name",
        "owner_type",
        "user_id.name",
        "team_id.name",
        "agent_id.name",
        "region_id.name",
        "product_category_id.name",
        "customer_tier_id.name",
    )
    def _compute_name(self):
        for quota in self:
            parts = [quota.period_id.name, quota._owner().name]
            parts += [
                dim.name
                for dim in (
                    quota.region_id,
                    quota.product_category_id,
                    quota.customer_tier_id,
                )
                if dim
            ]
            quota.name = " · ".join(part for part in parts if part)

    @api.depends("actual_amount", "minimum", "target", "stretch")
    def _compute_attainment(self):
        for quota in self:
            actual = quota.actual_amount
            quota.attainment = 100.0 * actual / quota.target if quota.target else 0.0
            quota.attainment_minimum = (
                100.0 * actual / quota.minimum if quota.minimum else 0.0
            )
            quota.attainment_stretch = (
                100.0 * actual / quota.stretch if quota.stretch else 0.0
            )
            quota.tier_reached = quota._tier_for(actual)

    @api.depends(
        "actual_amount",
        "target",
        "minimum",
        "working_days_total",
        "working_days_elapsed",
        "progress_date",
    )
    def _compute_pace(self):
        for quota in self:
            pace = quota._pace()
            quota.expected_to_date = pace["expected"]
            quota.forecast_amount = pace["forecast"]
            quota.gap_per_day = pace["per_day_target"]
            quota.gap_per_day_minimum = pace["per_day_minimum"]
            quota.working_days_remaining = pace["remaining"]
            quota.shortfall_target = pace["shortfall_target"]
            quota.shortfall_minimum = pace["shortfall_minimum"]

    @api.depends(
        "actual_amount",
        "state",
        "settlement_ids.reward_amount",
        "working_days_total",
        "working_days_elapsed",
        *TIERS,
        *INCENTIVE_FIELDS,
        "company_id.currency_id.rounding",
    )
    def _compute_reward_amount(self):
        for quota in self:
            settlement = quota.settlement_ids[:1]
            quota.is_settled = bool(settlement)
            if settlement:
                quota.reward_amount = settlement.reward_amount
                quota.reward_projected = 0.0
                continue
            quota.reward_amount = quota._reward_for(quota.actual_amount)
            quota.reward_projected = quota._reward_for(quota._pace()["forecast"])

    @api.depends("state", "date_end")
    @api.depends_context("tz")
    def _compute_to_settle(self):
        today = fields.Date.context_today(self)
        for quota in self:
            quota.to_settle = quota._is_to_settle(today)

    def _is_to_settle(self, today):
        self.ensure_one()
        return self.state != "closed" and bool(self.date_end) and self.date_end < today

    def _search_to_settle(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Operation not supported"))
        # the user's day: a period ending today is still running for them
        today = fields.Date.context_today(self)
        domain = [("state", "!=", "closed"), ("date_end", "<", today)]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.depends("child_ids.minimum", "child_ids.target", "child_ids.stretch")
    def _compute_split_mismatch(self):
        for quota in self:
            quota.split_mismatch = quota._split_mismatch_message()

    # --- rules --------------------------------------------------------------

    def _owner(self):
        self.ensure_one()
        return {
            "user": self.user_id,
            "team": self.team_id,
            "agent": self.agent_id,
        }[self.owner_type]

    def _tier_for(self, actual):
        """The highest tier ``actual`` reaches ("none" below the minimum).

        The progress engine applies the same rule in SQL
        (``sales.quota.progress._write_progress``).
        """
        self.ensure_one()
        reached = "none"
        for tier in TIERS:
            if float_compare(actual, self[tier], 2) >= 0:
                reached = tier
        return reached

    def _reward_for(self, actual):
        """The reward (positive) or penalty (negative) an actual earns.

        The one definition of the reward: the settlement records it and the
        quota's reward field (forms, lists, the Excel summary) shows it; no
        other code computes a reward. Rewards add up tier by tier:
        each tier reached pays its own reward on top of the lower tiers'. A
        fixed reward is paid once its tier is reached; a percentage counts the
        result above its tier up to the next tier (above the highest tier
        reached: up to the result). Every part only grows with the result, so
        the reward never falls when the result rises, and a tier without a
        reward of its own keeps paying what the lower tiers earned. Below the
        minimum, only the penalty applies.
        """
        self.ensure_one()
        tier = self._tier_for(actual)
        if tier == "none":
            amount = self._penalty_for(actual)
        else:
            reached = TIERS[: TIERS.index(tier) + 1]
            # each tier's band ends at the next tier, the highest at the actual
            ceilings = [self[name] for name in reached[1:]] + [actual]
            amount = sum(
                self._tier_reward(name, actual, ceiling)
                for name, ceiling in zip(reached, ceilings, strict=True)
            )
        return float_round(amount, precision_rounding=self._reward_rounding())

    def _tier_reward(self, tier, actual, ceiling):
        """What ``tier`` adds to the reward of ``actual`` once reached."""
        value = self[f"reward_{tier}_value"]
        if self[f"reward_{tier}_mode"] == "fixed":
            return value
        band = max(min(actual, ceiling) - self[tier], 0.0)
        return band * value / 100.0

    def _penalty_for(self, actual):
        """The penalty (negative) of an actual below the minimum."""
        if self.penalty_mode == "percent":
            return -(self.minimum - actual) * self.penalty_value / 100.0
        return -self.penalty_value

    def _reward_rounding(self):
        # rewards are money in the company currency, counting quotas too
        return self.company_id.currency_id.rounding or 0.01

    def _pace(self):
        """Pace against the target in working days of the owner's calendar."""
        self.ensure_one()
        total = self.working_days_total
        elapsed = min(self.working_days_elapsed, total)
        remaining = total - elapsed
        actual = self.actual_amount
        shortfall_target = max(self.target - actual, 0.0)
        shortfall_minimum = max(self.minimum - actual, 0.0)
        result = {
            "expected": 0.0,
            "forecast": actual,
            "per_day_target": 0.0,
            "per_day_minimum": 0.0,
            "expected_minimum": 0.0,
            "remaining": remaining,
            "shortfall_target": shortfall_target,
            "shortfall_minimum": shortfall_minimum,
        }
        if not total:
            return result
        result["expected"] = self.target * elapsed / total
        result["expected_minimum"] = self.minimum * elapsed / total
        if elapsed:
            result["forecast"] = actual * total / elapsed
        # no working day left: nothing is needed per day, the shortfall is
        # what is missing (dividing by no day is not "the whole gap per day")
        if remaining:
            result["per_day_target"] = shortfall_target / remaining
            result["per_day_minimum"] = shortfall_minimum / remaining
        return result

    def _split_mismatch_message(self):
        """Which tiers of a split quota its parts do not add up to, if any."""
        self.ensure_one()
        children = self.child_ids
        if not children:
            return False
        rounding = self.company_id.currency_id.rounding if not self.is_count else 0.01
        wrong = []
        for tier in TIERS:
            total = sum(children.mapped(tier))
            if abs(total - self[tier]) > rounding / 2:
                # formatted outside _(): the translation extractor gives up on
                # the rest of the file at an f-string among its arguments
                total_text = f"{total:,.2f}"
                expected_text = f"{self[tier]:,.2f}"
                wrong.append(
                    _(
                        "%(tier)s: parts add up to %(total)s, not %(expected)s",
                        tier=self._fields[tier].get_description(self.env)["string"],
                        total=total_text,
                        expected=expected_text,
                    )
                )
        return "; ".join(wrong) or False

    @api.constrains("owner_type", "user_id", "team_id", "agent_id")
    def _check_owner(self):
        for quota in self:
            owner = quota._owner()
            if not owner:
                raise ValidationError(
                    _("The quota %(name)s has no owner.", name=quota.display_name)
                )
            if quota.owner_type == "user" and not owner.active:
                raise ValidationError(
                    _(
                        "%(user)s is archived: a quota cannot be set for them.",
                        user=owner.name,
                    )
                )
            if quota.owner_type == "user" and quota.company_id not in (
                owner.company_ids
            ):
                raise ValidationError(
                    _(
                        "%(user)s does not work for %(company)s.",
                        user=owner.name,
                        company=quota.company_id.name,
                    )
                )
            if quota.owner_type == "agent" and "agent" not in (
                owner.commercial_partner_id.sales_kind_ids.mapped("code")
            ):
                raise ValidationError(
                    _(
                        "%(partner)s is not an agent: set the partner kind Agent "
                        "on it first.",
                        partner=owner.display_name,
                    )
                )

    @api.constrains("minimum", "target", "stretch")
    def _check_tiers(self):
        for quota in self:
            if quota.minimum < 0 or quota.target < 0 or quota.stretch < 0:
                raise ValidationError(_("Quota amounts cannot be negative."))
            if quota.minimum > quota.target:
                raise ValidationError(
                    _(
                        "The minimum (%(minimum)s) is above the target "
                        "(%(target)s) in %(name)s.",
                        minimum=quota.minimum,
                        target=quota.target,
                        name=quota.display_name,
                    )
                )
            if quota.target > quota.stretch:
                raise ValidationError(
                    _(
                        "The target (%(target)s) is above the stretch "
                        "(%(stretch)s) in %(name)s.",
                        target=quota.target,
                        stretch=quota.stretch,
                        name=quota.display_name,
                    )
                )

    @api.constrains(
        "penalty_value",
        "reward_minimum_value",
        "reward_target_value",
        "reward_stretch_value",
    )
    def _check_incentives(self):
        for quota in self:
            values = (
                quota.penalty_value,
                quota.reward_minimum_value,
                quota.reward_target_value,
                quota.reward_stretch_value,
            )
            if any(value < 0 for value in values):
                raise ValidationError(
                    _(
                        "Rewards and penalties are entered as positive amounts "
                        "or percentages."
                    )
                )

    @api.constrains("parent_id", "minimum", "target", "stretch")
    def _check_split_sums(self):
        parents = self.parent_id | self.filtered("child_ids")
        for parent in parents:
            if parent.company_id.sales_quota_split_check != "block":
                continue
            message = parent._split_mismatch_message()
            if message:
                raise ValidationError(
                    _(
                        "The parts of %(name)s do not add up to it: %(detail)s.",
                        name=parent.display_name,
                        detail=message,
                    )
                )

    @api.constrains(
        "period_id",
        "owner_type",
        "user_id",
        "team_id",
        "agent_id",
        "region_id",
        "product_category_id",
        "customer_tier_id",
        "basis",
    )
    def _check_unique_line(self):
        """One quota per period, owner, scope and basis (one query per batch)."""
        self.flush_model()
        # a salesperson's quota carries their team for reporting only: the
        # team is part of the key for team quotas alone
        self.env.cr.execute(
            SQL(
                """
                SELECT 1
                  FROM sales_quota
                 WHERE period_id = ANY(%(periods)s)
                 GROUP BY company_id, period_id, owner_type,
                          CASE WHEN owner_type = 'team' THEN team_id END,
                          user_id, agent_id, region_id, product_category_id,
                          customer_tier_id, basis
                HAVING count(*) > 1
                 LIMIT 1
                """,
                periods=self.period_id.ids,
            )
        )
        if self.env.cr.fetchone():
            raise ValidationError(
                _(
                    "There is already a quota for this owner, period, scope and "
                    "basis."
                )
            )

    # --- lock ---------------------------------------------------------------

    def _is_director(self):
        return self.env.is_superuser() or self.env.user.has_group(
            "sales_team.group_sale_manager"
        )

    def _check_lock(self, vals=None):
        if self._is_director():
            return
        if vals is not None and not set(vals) - FREE_FIELDS:
            return
        locked = self.filtered(lambda quota: quota.state != "draft")
        if locked:
            raise UserError(
                _(
                    "%(name)s is confirmed: only a sales director can change it.",
                    name=locked[0].display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        quotas = super().create(vals_list)
        quotas.parent_id._check_lock()
        # a new quota shows its actuals and working days at once (one batch)
        quotas.action_refresh_progress()
        return quotas

    def write(self, vals):
        self._check_lock(vals)
        if "parent_id" in vals:
            self.parent_id._check_lock()
        res = super().write(vals)
        if set(vals) & REFRESH_TRIGGERS:
            self.action_refresh_progress()
        return res

    def unlink(self):
        self._check_lock()
        self.parent_id._check_lock()
        return super().unlink()

    # --- behind-pace reminders ----------------------------------------------

    def _pace_reminder_users(self):
        """Who hears that a quota is behind pace: its owner and their manager."""
        self.ensure_one()
        if self.owner_type == "user":
            owner = self.user_id
        elif self.owner_type == "team":
            owner = self.team_id.user_id
        else:
            owner = self.agent_id.user_id
        users = owner | self.team_id.user_id
        return users.filtered(lambda user: user.active and not user.share)

    def _pace_reminder_note(self):
        self.ensure_one()
        pace = self._pace()
        currency = self.display_currency_id

        def fmt(amount):
            if currency:
                return format_amount(self.env, amount, currency)
            return f"{amount:,.1f}"

        return Markup("<p>%s</p><p>%s</p>") % (
            _(
                "%(name)s is behind pace by %(gap)s: %(actual)s done, "
                "%(expected)s expected by today at the minimum's pace.",
                name=self.display_name,
                gap=fmt(pace["expected_minimum"] - self.actual_amount),
                actual=fmt(self.actual_amount),
                expected=fmt(pace["expected_minimum"]),
            ),
            self._pace_reminder_need(pace, fmt),
        )

    def _pace_reminder_need(self, pace, fmt):
        if not pace["remaining"]:
            return _(
                "No working day is left: %(minimum)s short of the minimum, "
                "%(target)s short of the target.",
                minimum=fmt(pace["shortfall_minimum"]),
                target=fmt(pace["shortfall_target"]),
            )
        return _(
            "To still reach the minimum: %(minimum)s per remaining working "
            "day; the target: %(target)s per day.",
            minimum=fmt(pace["per_day_minimum"]),
            target=fmt(pace["per_day_target"]),
        )

    def _remind_behind_pace(self):
        """One open reminder per quota and user, updated rather than repeated."""
        if not self:
            return
        activity_type = self.env.ref("sales_model_crm.mail_activity_type_quota_behind")
        today = fields.Date.context_today(self)
        existing = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        by_key = {(act.res_id, act.user_id.id): act for act in existing}
        model_id = self.env["ir.model"]._get_id(self._name)
        to_create = []
        for quota in self:
            note = quota._pace_reminder_note()
            for user in quota._pace_reminder_users():
                activity = by_key.get((quota.id, user.id))
                if activity:
                    activity.write({"note": note, "date_deadline": today})
                    continue
                to_create.append(
                    {
                        "res_model_id": model_id,
                        "res_id": quota.id,
                        "activity_type_id": activity_type.id,
                        "summary": _("Behind pace"),
                        "note": note,
                        "user_id": user.id,
                        "date_deadline": today,
                    }
                )
        if to_create:
            self.env["mail.activity"].create(to_create)

    # --- actions ------------------------------------------------------------

    def action_confirm(self):
        drafts = self.filtered(lambda quota: quota.state == "draft")
        for parent in drafts.filtered("child_ids"):
            message = parent._split_mismatch_message()
            if message and parent.company_id.sales_quota_split_check == "block":
                raise UserError(
                    _(
                        "%(name)s cannot be confirmed: %(detail)s.",
                        name=parent.display_name,
                        detail=message,
                    )
                )
        drafts.write({"state": "confirmed"})
        drafts.action_refresh_progress()
        return True

    def action_reset_to_draft(self):
        if not self._is_director():
            raise UserError(_("Only a sales director can unlock a confirmed quota."))
        if self.filtered(lambda quota: quota.state == "closed"):
            raise UserError(_("A settled quota stays settled: its actuals are frozen."))
        self.write({"state": "draft"})
        return True

    def action_refresh_progress(self):
        """Recompute actuals, in-progress amounts and pace for these quotas."""
        self.env["sales.quota.progress"]._refresh(self)
        return True

    def action_settle(self):
        """Freeze the actuals and record the tier reached and its reward."""
        return self.env["sales.quota.settlement"]._settle(self)
