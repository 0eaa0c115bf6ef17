# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmTeam(models.Model):
    _inherit = "crm.team"

    sales_review_summary_date = fields.Date(
        string="Last Day Summary",
        readonly=True,
        copy=False,
        help="The last day whose summary was posted to the team leader.",
    )

    sales_due_to_buy_count = fields.Integer(
        string="Due to Buy", compute="_compute_sales_care_counts"
    )
    sales_care_overdue_count = fields.Integer(
        string="Care Overdue", compute="_compute_sales_care_counts"
    )

    def _compute_sales_care_counts(self):
        # counted with the reader's rules: a salesperson sees their own share
        members = self.member_ids
        due = self.env["sales.purchase.cycle"]._read_group(
            [("user_id", "in", members.ids), ("state", "in", ("due", "overdue"))],
            groupby=["user_id"],
            aggregates=["__count"],
        )
        overdue = self.env["res.partner"]._read_group(
            [
                ("user_id", "in", members.ids),
                ("is_company", "=", True),
                ("sales_care_overdue", "=", True),
            ],
            groupby=["user_id"],
            aggregates=["__count"],
        )
        due_by_user = dict(due)
        overdue_by_user = dict(overdue)
        for team in self:
            team.sales_due_to_buy_count = sum(
                due_by_user.get(user, 0) for user in team.member_ids
            )
            team.sales_care_overdue_count = sum(
                overdue_by_user.get(user, 0) for user in team.member_ids
            )

    def write(self, vals):
        res = super().write(vals)
        if "user_id" in vals:
            # the team manager's customer rule reads who leads which team
            self.env.registry.clear_cache()
        return res

    # The team's decomposition ratios, entered or taken from its history.
    #
    # A quota without ratios of its own uses its team's; a team without them
    # uses the company's (see ``sales.quota._workload_ratios``).

    quota_avg_deal_size = fields.Monetary(
        string="Average Deal Size",
        currency_field="currency_id",
        help="The amount one won deal brings; empty uses the company default.",
    )
    quota_prospects_per_deal = fields.Float(
        string="Prospects per Deal",
        help="How many prospects make one won deal; empty uses the company " "default.",
    )
    quota_calls_per_prospect = fields.Float(
        string="Calls per Prospect",
        help="How many effective calls or visits one prospect takes; empty uses "
        "the company default.",
    )
    quota_history_months = fields.Integer(
        string="History (months)",
        default=12,
        help="How many months back the ratios are taken from the team's leads, "
        "orders and visit records.",
    )
    quota_ratios_date = fields.Datetime(
        string="Ratios From History On", readonly=True, copy=False
    )
    quota_ratios_note = fields.Char(
        string="Ratios Taken From",
        readonly=True,
        copy=False,
        help="The history the ratios were last taken from.",
    )

    @api.constrains(
        "quota_avg_deal_size",
        "quota_prospects_per_deal",
        "quota_calls_per_prospect",
        "quota_history_months",
    )
    def _check_quota_ratios(self):
        for team in self:
            if (
                team.quota_avg_deal_size < 0
                or team.quota_prospects_per_deal < 0
                or team.quota_calls_per_prospect < 0
            ):
                raise ValidationError(
                    _(
                        "The decomposition ratios of %(team)s cannot be negative.",
                        team=team.display_name,
                    )
                )
            if not 1 <= team.quota_history_months <= 120:
                raise ValidationError(
                    _(
                        "The history of %(team)s must span 1 to 120 months.",
                        team=team.display_name,
                    )
                )

    def action_quota_ratios_from_history(self):
        """Set the ratios of these teams from their leads, orders and calls.

        Only ratios the history supports are set: a team without won deals
        keeps the ratios it has.
        """
        # who may change the team may read its aggregated history: the
        # figures below are sums and counts over the team's own documents
        self.check_access("write")
        history = self.sudo()._quota_ratio_history()
        now = fields.Datetime.now()
        for team in self:
            values = history.get(team.id, {})
            team.write(
                {
                    **values.get("ratios", {}),
                    "quota_ratios_date": now,
                    "quota_ratios_note": values.get("note")
                    or _(
                        "No history in the last %(months)s months.",
                        months=team.quota_history_months,
                    ),
                }
            )
        message = (
            self.quota_ratios_note
            if len(self) == 1
            else _("Ratios updated for %(count)s teams.", count=len(self))
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Ratios from history"),
                "message": message,
                "type": "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _quota_ratio_history(self):
        """{team id: {"ratios": {field: value}, "note": text}} from history.

        Four grouped queries per history length and company (usually one of
        each), whatever the number of teams.
        """
        batches = defaultdict(lambda: self.browse())
        for team in self:
            company = team.company_id or self.env.company
            batches[(team.quota_history_months, company)] |= team
        result = {}
        for (months, company), teams in batches.items():
            since = fields.Datetime.now() - relativedelta(months=months)
            result.update(teams._quota_ratio_history_since(since, company))
        return result

    def _quota_ratio_history_since(self, since, company):
        Lead = self.env["crm.lead"].with_context(active_test=False)
        # won deals (in a won stage) and lost ones (archived), closed since
        closed = Lead._read_group(
            [
                ("team_id", "in", self.ids),
                ("date_closed", ">=", since),
                "|",
                ("active", "=", False),
                ("stage_id.is_won", "=", True),
            ],
            ["team_id", "active"],
            ["__count", "expected_revenue:sum"],
        )
        won = defaultdict(int)
        won_revenue = defaultdict(float)
        lost = defaultdict(int)
        for team, active, count, revenue in closed:
            if active:
                won[team.id] += count
                won_revenue[team.id] += revenue
            else:
                lost[team.id] += count
        # companies that do not use the pipeline: their confirmed orders
        orders = {
            team.id: (count, amount)
            for team, count, amount in self.env["sale.order"]._read_group(
                [
                    ("team_id", "in", self.ids),
                    ("state", "=", "sale"),
                    ("date_order", ">=", since),
                ],
                ["team_id"],
                ["__count", "amount_untaxed:sum"],
            )
        }
        # prospects: the team's leads created since; calls: effective ones
        created = {
            team.id: (count, lead_ids)
            for team, count, lead_ids in Lead._read_group(
                [("team_id", "in", self.ids), ("create_date", ">=", since)],
                ["team_id"],
                ["__count", "id:array_agg"],
            )
        }
        all_lead_ids = [lead_id for __, ids in created.values() for lead_id in ids]
        calls_by_lead = {
            lead.id: count
            for lead, count in self.env["sales.activity"]._read_group(
                [
                    ("lead_id", "in", all_lead_ids),
                    ("is_effective", "=", True),
                    ("kind", "in", company._sales_effective_kinds()),
                ],
                ["lead_id"],
                ["__count"],
            )
        }
        currency = company.currency_id
        result = {}
        for team in self:
            ratios = {}
            deals = won[team.id]
            order_count, order_amount = orders.get(team.id, (0, 0.0))
            if deals and won_revenue[team.id] > 0:
                ratios["quota_avg_deal_size"] = currency.round(
                    won_revenue[team.id] / deals
                )
            elif order_count and order_amount > 0:
                ratios["quota_avg_deal_size"] = currency.round(
                    order_amount / order_count
                )
            if deals:
                ratios["quota_prospects_per_deal"] = round(
                    (deals + lost[team.id]) / deals, 2
                )
            prospects, lead_ids = created.get(team.id, (0, []))
            calls = sum(calls_by_lead.get(lead_id, 0) for lead_id in lead_ids)
            if prospects and calls:
                ratios["quota_calls_per_prospect"] = round(calls / prospects, 2)
            note = False
            if ratios:
                note = _(
                    "%(won)s won and %(lost)s lost deals, %(orders)s orders, "
                    "%(calls)s effective calls on %(prospects)s prospects since "
                    "%(since)s.",
                    won=deals,
                    lost=lost[team.id],
                    orders=order_count,
                    calls=calls,
                    prospects=prospects,
                    since=fields.Date.to_string(since.date()),
                )
            result[team.id] = {"ratios": ratios, "note": note}
        return result

    def action_open_sales_due_to_buy(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_model_crm.sales_purchase_cycle_action"
        )
        action["domain"] = [("user_id", "in", self.member_ids.ids)]
        return action

    def action_open_sales_care_overdue(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_model_crm.res_partner_action_sales_care_overdue"
        )
        action["domain"] = [
            ("is_company", "=", True),
            ("user_id", "in", self.member_ids.ids),
        ]
        action["context"] = {"search_default_sales_care_overdue": 1}
        return action
