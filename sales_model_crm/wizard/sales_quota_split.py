# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import datetime, time, timedelta
from fractions import Fraction

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_round

from ..models.sales_quota import COUNT_BASES, TIERS

# assessment cycles from the coarsest to the finest
CYCLE_ORDER = ("year", "quarter", "month", "week", "custom")
# the playbook's default for a quarter split into its three months
THREE_PERIOD_SHARES = (30.0, 30.0, 40.0)
# what every part of a split quota keeps from the quota it was split from
COPIED_FIELDS = (
    "company_id",
    "basis",
    "region_id",
    "product_category_id",
    "customer_tier_id",
    "penalty_mode",
    "penalty_value",
    "reward_minimum_mode",
    "reward_minimum_value",
    "reward_target_mode",
    "reward_target_value",
    "reward_stretch_mode",
    "reward_stretch_value",
    "avg_deal_size",
    "prospects_per_deal",
    "calls_per_prospect",
)


def distribute(total, weights, rounding):
    """Split ``total`` in proportion to ``weights``, in units of ``rounding``.

    Largest remainder: every part gets the whole units of its exact share,
    then the units left over go one each to the parts with the largest
    fractions (the later part on a tie). The parts add up to ``total`` exactly
    and equal weights give parts at most one unit apart: 100,000 among three
    is 33,333.33 / 33,333.33 / 33,333.34. Exact fractions, not rounded
    percentages: 33.33 % of 100,000 would leave 10 in the last part.
    """
    positive = [Fraction(max(weight, 0.0)) for weight in weights]
    weight_total = sum(positive)
    if not weights or weight_total <= 0:
        return [0.0] * len(weights)
    sign = -1 if total < 0 else 1
    units = round(abs(total) / rounding)
    exact = [units * weight / weight_total for weight in positive]
    counts = [math.floor(part) for part in exact]
    by_remainder = sorted(
        range(len(exact)),
        key=lambda index: (exact[index] - counts[index], index),
        reverse=True,
    )
    for index in by_remainder[: units - sum(counts)]:
        counts[index] += 1
    return [
        sign * float_round(count * rounding, precision_rounding=rounding)
        for count in counts
    ]


def shares_from_weights(weights):
    """Percentages (2 decimals) proportional to ``weights``, summing to 100.

    Shares are what the wizard shows; the amounts are split from the weights
    themselves (see ``distribute``). None without any weight.
    """
    if not weights or sum(weight for weight in weights if weight > 0) <= 0:
        return None
    return distribute(100.0, weights, 0.01)


class SalesQuotaSplit(models.TransientModel):
    """Split a quota into the periods it holds or into the team's salespeople.

    A quarter goes 30/30/40 into its months by default, a team quota equally,
    by last year's share or by hand into its members. The parts add up to
    the quota exactly; splitting again replaces the draft parts.
    """

    _name = "sales.quota.split"
    _description = "Split a Quota"

    quota_id = fields.Many2one(
        "sales.quota", string="Quota", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="quota_id.company_id")
    currency_id = fields.Many2one(related="quota_id.display_currency_id")
    owner_type = fields.Selection(related="quota_id.owner_type")
    mode = fields.Selection(
        [("period", "Into periods"), ("owner", "Into salespeople")],
        string="Split",
        required=True,
        default="period",
    )
    cycle = fields.Selection(
        [
            ("year", "Years"),
            ("quarter", "Quarters"),
            ("month", "Months"),
            ("week", "Weeks"),
            ("custom", "Custom periods"),
        ],
        string="Into",
        compute="_compute_cycle",
        store=True,
        readonly=False,
        help="Which of the assessment periods inside the quota's period receive "
        "a part.",
    )
    owner_method = fields.Selection(
        [
            ("equal", "Equally"),
            ("last_year", "By last year's share"),
            ("manual", "By hand"),
        ],
        string="Shares",
        required=True,
        default="equal",
        help="By last year's share: each salesperson's part of the actual of the "
        "same period one year earlier.",
    )
    include_leader = fields.Boolean(
        string="Include the Team Leader",
        help="The team leader receives a part like the salespeople; by default "
        "the quota goes to the team's members other than its leader.",
    )
    line_ids = fields.One2many(
        "sales.quota.split.line",
        "wizard_id",
        string="Parts",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )
    history_note = fields.Char(compute="_compute_line_ids", store=True)
    # how many lines the shares were last balanced over: a line removed or
    # added in equal or last-year mode rebalances the others
    line_count = fields.Integer(compute="_compute_line_ids", store=True)
    total_share = fields.Float(
        string="Total (%)", digits=(5, 2), compute="_compute_total_share"
    )
    replaced_count = fields.Integer(
        string="Parts Replaced", compute="_compute_replaced_count"
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if (
            "quota_id" in fields_list
            and not values.get("quota_id")
            and context.get("active_model") == "sales.quota"
        ):
            values["quota_id"] = context.get("active_id")
        return values

    @api.depends("quota_id")
    def _compute_cycle(self):
        for wizard in self:
            period = wizard.quota_id.period_id
            cycles = (
                set(period._sales_sub_periods().mapped("sales_cycle"))
                if period
                else set()
            )
            # the coarsest periods inside: a year goes into quarters
            wizard.cycle = next(
                (cycle for cycle in CYCLE_ORDER if cycle in cycles), False
            )

    @api.depends("quota_id", "mode", "cycle", "owner_method", "include_leader")
    def _compute_line_ids(self):
        for wizard in self:
            commands = [Command.clear()]
            note = False
            if wizard.quota_id and wizard.mode == "period":
                periods = wizard._split_periods()
                weights = (
                    list(THREE_PERIOD_SHARES)
                    if len(periods) == 3
                    else [1.0] * len(periods)
                )
                commands += wizard._line_commands("period_id", periods, weights)
            elif wizard.quota_id and wizard.mode == "owner":
                users = wizard._split_users()
                weights = [1.0] * len(users)
                if wizard.owner_method == "manual":
                    weights = [0.0] * len(users)
                elif wizard.owner_method == "last_year" and users:
                    actuals = wizard._last_year_actuals(users)
                    weights = [actuals.get(user.id, 0.0) for user in users]
                    if not shares_from_weights(weights):
                        note = _(
                            "Nothing was sold in the same period last year: the "
                            "shares are equal."
                        )
                        weights = [1.0] * len(users)
                commands += wizard._line_commands("user_id", users, weights)
            wizard.line_ids = commands
            wizard.line_count = len(commands) - 1
            wizard.history_note = note

    @api.model
    def _line_commands(self, field_name, records, weights):
        shares = shares_from_weights(weights) or [0.0] * len(records)
        return [
            Command.create({field_name: record.id, "share": share, "weight": weight})
            for record, share, weight in zip(records, shares, weights, strict=True)
        ]

    @api.onchange("line_ids")
    def _onchange_line_ids_rebalance(self):
        """A line removed or added: the others share the 100 % again.

        Equally in equal mode, in proportion to last year's actuals in
        last-year mode; shares set by hand or by period are left alone.
        """
        lines = self.line_ids
        if (
            self.mode != "owner"
            or self.owner_method not in ("equal", "last_year")
            or len(lines) == self.line_count
        ):
            return
        weights = lines.mapped("weight")
        if self.owner_method == "equal" or not shares_from_weights(weights):
            weights = [1.0] * len(lines)
        shares = shares_from_weights(weights) or []
        for line, share, weight in zip(lines, shares, weights, strict=True):
            line.share = share
            line.weight = weight
        self.line_count = len(lines)

    @api.depends("line_ids.share")
    def _compute_total_share(self):
        for wizard in self:
            wizard.total_share = sum(wizard.line_ids.mapped("share"))

    @api.depends("quota_id")
    def _compute_replaced_count(self):
        for wizard in self:
            wizard.replaced_count = len(wizard.quota_id.child_ids)

    # --- what the quota splits into ------------------------------------------

    def _split_periods(self):
        self.ensure_one()
        if not self.cycle:
            return self.env["date.range"]
        return self.quota_id.period_id._sales_sub_periods(self.cycle)

    def _split_users(self):
        """The salespeople of the quota's team (its members).

        The team leader is often a member too, to see the team's documents:
        they receive a part only when chosen.
        """
        self.ensure_one()
        quota = self.quota_id
        if quota.owner_type != "team":
            return self.env["res.users"]
        leader = quota.team_id.user_id
        return quota.team_id.member_ids.filtered(
            lambda user: user.active
            and quota.company_id in user.company_ids
            and (self.include_leader or user != leader)
        )

    def _last_year_actuals(self, users):
        """{user id: actual} of the same period one year earlier, one query.

        Confirmed sales for sales quotas, won deals for won-deal quotas,
        posted invoices net of refunds otherwise.
        """
        self.ensure_one()
        quota = self.quota_id
        start = quota.date_start - relativedelta(years=1)
        end = quota.date_end - relativedelta(years=1)
        company = quota.company_id
        # sums per salesperson of the team, turned into shares only: a team
        # manager splitting the quota may not read every document summed
        env = self.sudo().env
        if quota.basis == "sales":
            groups = env["sale.order"]._read_group(
                [
                    ("company_id", "=", company.id),
                    ("user_id", "in", users.ids),
                    ("state", "=", "sale"),
                    ("date_order", ">=", datetime.combine(start, time.min)),
                    (
                        "date_order",
                        "<",
                        datetime.combine(end + timedelta(days=1), time.min),
                    ),
                ],
                ["user_id"],
                ["amount_untaxed:sum"],
            )
        elif quota.basis == "won_deals":
            groups = env["crm.lead"]._read_group(
                [
                    ("company_id", "=", company.id),
                    ("user_id", "in", users.ids),
                    ("stage_id.is_won", "=", True),
                    ("date_closed", ">=", datetime.combine(start, time.min)),
                    (
                        "date_closed",
                        "<",
                        datetime.combine(end + timedelta(days=1), time.min),
                    ),
                ],
                ["user_id"],
                ["__count"],
            )
        else:
            groups = env["account.move"]._read_group(
                [
                    ("company_id", "=", company.id),
                    ("invoice_user_id", "in", users.ids),
                    ("state", "=", "posted"),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("invoice_date", ">=", start),
                    ("invoice_date", "<=", end),
                ],
                ["invoice_user_id"],
                ["amount_untaxed_signed:sum"],
            )
        return {user.id: amount for user, amount in groups}

    # --- split ----------------------------------------------------------------

    def action_split(self):
        """Create the parts (replacing draft ones) and show them."""
        self.ensure_one()
        quota = self.quota_id
        self._check_split_allowed()
        lines = self._check_lines()
        old_parts = quota.child_ids
        # parts of parts go too (the database cascades): all must be drafts
        descendants = self.env["sales.quota"].search(
            [("id", "child_of", old_parts.ids)]
        )
        if descendants.filtered(lambda part: part.state != "draft"):
            raise UserError(
                _(
                    "%(name)s is already split into confirmed parts: reset them "
                    "to draft before splitting it again.",
                    name=quota.display_name,
                )
            )
        vals_list = self._part_values(lines)
        adopted = self._adopt_existing(vals_list, old_parts)
        old_parts.unlink()
        to_create = [vals for vals in vals_list if vals["_key"] not in adopted]
        for vals in vals_list:
            vals.pop("_key")
        for key, existing in adopted.items():
            existing.write(next(vals for vals in vals_list if self._key(vals) == key))
        self.env["sales.quota"].create(to_create)
        return {
            "type": "ir.actions.act_window",
            "name": _("Parts of %(name)s", name=quota.display_name),
            "res_model": "sales.quota",
            "view_mode": "list,form",
            "domain": [("parent_id", "=", quota.id)],
            "context": {"create": False},
        }

    def _check_split_allowed(self):
        quota = self.quota_id
        quota.check_access("write")
        if quota.state != "draft" and not quota._is_director():
            raise UserError(
                _(
                    "%(name)s is confirmed: only a sales director can split it.",
                    name=quota.display_name,
                )
            )
        if self.mode == "owner" and quota.owner_type != "team":
            raise UserError(_("Only a sales team's quota is split into salespeople."))

    def _check_lines(self):
        """The lines with a share, once the shares are known to add up."""
        lines = self.line_ids
        if any(line.share < 0 for line in lines):
            raise UserError(_("A share cannot be negative."))
        total = sum(lines.mapped("share"))
        if float_compare(total, 100.0, precision_digits=2):
            # formatted outside _(): the translation extractor gives up on the
            # rest of the file at an f-string among its arguments
            total_text = f"{total:.2f}"
            raise UserError(
                _(
                    "The shares add up to %(total)s %%, not 100 %%: nothing was "
                    "split.",
                    total=total_text,
                )
            )
        lines = lines.filtered("share")
        quota = self.quota_id
        if self.mode == "period":
            if not all(lines.mapped("period_id")):
                raise UserError(_("Every part needs a period."))
            outside = lines.period_id.filtered(
                lambda period: period.date_start < quota.date_start
                or period.date_end > quota.date_end
            )
            if outside:
                raise UserError(
                    _(
                        "%(period)s is not inside %(quota_period)s.",
                        period=outside[0].name,
                        quota_period=quota.period_id.name,
                    )
                )
            if len(lines.period_id) != len(lines):
                raise UserError(_("Each period receives one part only."))
        else:
            if not all(lines.mapped("user_id")):
                raise UserError(_("Every part needs a salesperson."))
            if len(lines.user_id) != len(lines):
                raise UserError(_("Each salesperson receives one part only."))
        return lines

    def _split_rounding(self):
        quota = self.quota_id
        if quota.basis in COUNT_BASES:
            return 1.0
        return quota.currency_id.rounding or 0.01

    @api.model
    def _split_weights(self, lines):
        """What the amounts are split by: the exact weights behind the shares.

        Equal parts, 30/30/40 and last year's actuals split by their exact
        weights; once a share is set by hand (the shares are no longer those
        of the weights), the shares shown are the weights.
        """
        shares = lines.mapped("share")
        # a line without a share receives nothing, whatever its weight
        weights = [line.weight if line.share else 0.0 for line in lines]
        derived = shares_from_weights(weights)
        if derived and all(
            not float_compare(share, expected, precision_digits=2)
            for share, expected in zip(shares, derived, strict=True)
        ):
            return weights
        return shares

    def _split_amounts(self, lines):
        """{tier: [amount per line]}, each tier adding up to the quota's."""
        quota = self.quota_id
        weights = self._split_weights(lines)
        rounding = self._split_rounding()
        return {tier: distribute(quota[tier], weights, rounding) for tier in TIERS}

    def _part_values(self, lines):
        """The values of the parts: amounts summing exactly to the quota."""
        quota = self.quota_id
        # over all the lines, as the preview: a line without a share gets 0
        all_lines = self.line_ids
        amounts = self._split_amounts(all_lines)
        copied = quota._convert_to_write({name: quota[name] for name in COPIED_FIELDS})
        vals_list = []
        for line in lines:
            index = all_lines.ids.index(line.id)
            vals = dict(
                copied,
                parent_id=quota.id,
                split_share=line.share,
                **{tier: amounts[tier][index] for tier in TIERS},
            )
            if self.mode == "period":
                vals.update(
                    period_id=line.period_id.id,
                    owner_type=quota.owner_type,
                    user_id=quota.user_id.id,
                    team_id=quota.team_id.id,
                    agent_id=quota.agent_id.id,
                )
            else:
                vals.update(
                    period_id=quota.period_id.id,
                    owner_type="user",
                    user_id=line.user_id.id,
                    team_id=quota.team_id.id,
                    agent_id=False,
                    working_days=quota.working_days,
                )
            vals["_key"] = self._key(vals)
            vals_list.append(vals)
        return vals_list

    @api.model
    def _key(self, vals):
        return (vals["period_id"], vals["user_id"])

    def _adopt_existing(self, vals_list, old_parts):
        """Draft quotas already there for a part (e.g. from the team grid).

        They become parts instead of duplicates; any other quota of the same
        owner, period, scope and basis stops the split.
        """
        quota = self.quota_id
        domain = [
            ("id", "not in", old_parts.ids),
            ("company_id", "=", quota.company_id.id),
            ("basis", "=", quota.basis),
            ("region_id", "=", quota.region_id.id),
            ("product_category_id", "=", quota.product_category_id.id),
            ("customer_tier_id", "=", quota.customer_tier_id.id),
            ("period_id", "in", [vals["period_id"] for vals in vals_list]),
        ]
        if self.mode == "owner":
            domain += [
                ("owner_type", "=", "user"),
                ("user_id", "in", [vals["user_id"] for vals in vals_list]),
            ]
        else:
            owner_field = {"user": "user_id", "team": "team_id", "agent": "agent_id"}[
                quota.owner_type
            ]
            domain += [
                ("owner_type", "=", quota.owner_type),
                (owner_field, "=", quota[owner_field].id),
            ]
        adopted = {}
        for existing in self.env["sales.quota"].search(domain):
            if existing.state != "draft" or existing.parent_id or existing.child_ids:
                raise UserError(
                    _(
                        "%(name)s already exists and is confirmed or split: it "
                        "cannot become a part of %(quota)s.",
                        name=existing.display_name,
                        quota=quota.display_name,
                    )
                )
            adopted[(existing.period_id.id, existing.user_id.id)] = existing
        return adopted


class SalesQuotaSplitLine(models.TransientModel):
    _name = "sales.quota.split.line"
    _description = "Split a Quota: Part"
    _order = "id"

    wizard_id = fields.Many2one("sales.quota.split", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="wizard_id.currency_id")
    period_id = fields.Many2one("date.range", string="Period")
    user_id = fields.Many2one(
        "res.users", string="Salesperson", domain=[("share", "=", False)]
    )
    share = fields.Float(string="Share (%)", digits=(5, 2))
    # the exact weight behind the share (1 for equal parts, last year's
    # actual...): the amounts are split by it, not by the rounded share
    weight = fields.Float()
    minimum = fields.Monetary(compute="_compute_amounts")
    target = fields.Monetary(compute="_compute_amounts")
    stretch = fields.Monetary(compute="_compute_amounts")

    @api.depends(
        "share",
        "weight",
        "wizard_id.line_ids.share",
        "wizard_id.line_ids.weight",
        "wizard_id.quota_id.minimum",
        "wizard_id.quota_id.target",
        "wizard_id.quota_id.stretch",
    )
    def _compute_amounts(self):
        # the amounts the split will write, split over the wizard's lines
        self.update(dict.fromkeys(TIERS, 0.0))
        for wizard in self.wizard_id:
            lines = wizard.line_ids
            amounts = wizard._split_amounts(lines)
            for index, line in enumerate(lines):
                if line in self:
                    line.update({tier: amounts[tier][index] for tier in TIERS})
