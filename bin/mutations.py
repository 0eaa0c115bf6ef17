# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The mutations ``bin/mutate`` applies, one at a time: small changes of a playbook
rule that at least one test must notice.

Each mutation is a dict:

- ``name``: what changes, e.g. ``pareto-platinum-80-to-70``;
- ``rule``: the playbook rule it breaks (the README's table groups by it);
- ``file``: the file it changes, relative to the repository root. ``.py`` files are
  code (Odoo imports them when the tests start); ``.xml`` and ``.csv`` files are data,
  which ``bin/mutate`` loads into a copy of the database before the tests run;
- ``old`` / ``new``: the exact text and its replacement. ``old`` must occur exactly
  once in the file (or in ``within``): when a refactor moves or rewrites the code,
  ``bin/mutate`` stops with an error instead of testing nothing;
- ``within`` (optional): ``(start, end)`` markers; ``old`` is looked for between the
  only occurrence of ``start`` and the next ``end`` (a record of a data file whose
  domain other records share);
- ``tests``: the pytest node ids or paths that cover the rule, relative to the
  repository root, and ``k`` (optional) a ``-k`` expression to narrow them.
"""

TIER = "sales_model_crm/tests/test_customer_tier.py"
TIER_CUTS = "sales_model_crm/tests/test_customer_tier_boundaries.py"
DECOMPOSITION = "sales_model_crm/tests/test_quota_decomposition.py"
SPLIT = "sales_model_crm/tests/test_quota_split.py"
RULES = "sales_model_crm/tests/test_quota_rules.py"
ACTUALS = "sales_model_crm/tests/test_quota_actuals.py"
QUOTA_BOUNDS = "sales_model_crm/tests/test_quota_boundaries.py"
CYCLE = "sales_model_crm/tests/test_purchase_cycle.py"
CYCLE_BOUNDS = "sales_model_crm/tests/test_purchase_cycle_boundaries.py"
CARE = "sales_model_crm/tests/test_customer_care.py"
POOL = "sales_model_crm/tests/test_customer_pool.py"
OWN = "sales_model_crm/tests/test_own_documents.py"

TIER_DATA = "sales_model_crm/data/sales_customer_tier_data.xml"
TIERING = "sales_model_crm/models/sales_customer_tiering.py"
WORKLOAD = "sales_model_crm/models/sales_quota_workload.py"
QUOTA = "sales_model_crm/models/sales_quota.py"
PROGRESS = "sales_model_crm/models/sales_quota_progress.py"
COLLECTION_LINE = "sales_model_crm/report/sales_collection_line.py"
SPLIT_WIZARD = "sales_model_crm/wizard/sales_quota_split.py"
CYCLE_ENGINE = "sales_model_crm/models/sales_purchase_cycle_engine.py"
COMPANY = "sales_model_crm/models/res_company.py"
PARTNER = "sales_model_crm/models/res_partner.py"
SECURITY = "sales_model_crm/security/sales_model_crm_security.xml"
QUOTA_SECURITY = "sales_model_crm/security/sales_quota_security.xml"
EXECUTION_SECURITY = "sales_model_crm/security/sales_execution_security.xml"
COLLECTION_SECURITY = "sales_model_crm/security/sales_collection_security.xml"
CARE_SECURITY = "sales_model_crm/security/sales_customer_care_security.xml"

REMINDER_FIELD = "sales_cycle_reminder_percent = fields.Integer("
# a salesperson's own documents, widened to those of their whole sales team
OWN_DOMAIN = "[('user_id', '=', user.id)]"
TEAM_DOMAIN = "[('user_id', 'in', user.sale_team_id.member_ids.ids)]"


def _own_to_team(name, file, record, test_k, old=OWN_DOMAIN, new=TEAM_DOMAIN):
    """A record rule of a salesperson's own documents that lets in the team's."""
    return {
        "name": name,
        "rule": "record rule: salesperson, own documents",
        "file": file,
        "within": (f'<record id="{record}"', "</record>"),
        "old": old,
        "new": new,
        "tests": [OWN],
        "k": test_k,
    }


MUTATIONS = [
    # --- Pareto cuts: the first 80 % of revenue platinum, the next 15 % gold, ...
    {
        "name": "pareto-platinum-80-to-70",
        "rule": "Pareto cuts (80/95/99/100)",
        "file": TIER_DATA,
        "old": '<field name="cumulative_share">80</field>',
        "new": '<field name="cumulative_share">70</field>',
        "tests": [TIER, TIER_CUTS],
    },
    {
        "name": "pareto-platinum-80-to-81",
        "rule": "Pareto cuts (80/95/99/100)",
        "file": TIER_DATA,
        "old": '<field name="cumulative_share">80</field>',
        "new": '<field name="cumulative_share">81</field>',
        "tests": [TIER, TIER_CUTS],
    },
    {
        "name": "pareto-gold-95-to-94",
        "rule": "Pareto cuts (80/95/99/100)",
        "file": TIER_DATA,
        "old": '<field name="cumulative_share">95</field>',
        "new": '<field name="cumulative_share">94</field>',
        "tests": [TIER, TIER_CUTS],
    },
    {
        "name": "pareto-silver-99-to-99.5",
        "rule": "Pareto cuts (80/95/99/100)",
        "file": TIER_DATA,
        "old": '<field name="cumulative_share">99</field>',
        "new": '<field name="cumulative_share">99.5</field>',
        "tests": [TIER, TIER_CUTS],
    },
    {
        "name": "pareto-cut-inclusive",
        "rule": "Pareto cuts (80/95/99/100)",
        "file": TIERING,
        "old": '"WHEN ranked.share_before < %s AND ranked.revenue >= %s THEN %s"',
        "new": '"WHEN ranked.share_before <= %s AND ranked.revenue >= %s THEN %s"',
        "tests": [TIER, TIER_CUTS],
    },
    {
        "name": "pareto-share-after-not-before",
        "rule": "Pareto cuts (80/95/99/100)",
        "file": TIERING,
        "old": '"WHEN ranked.share_before < %s AND ranked.revenue >= %s THEN %s"',
        "new": '"WHEN ranked.cumulative_share < %s AND ranked.revenue >= %s THEN %s"',
        "tests": [TIER, TIER_CUTS],
    },
    # --- tier thresholds: a tier's revenue floor, a quota's minimum/target/stretch
    {
        "name": "tier-floor-strict",
        "rule": "tier revenue floors",
        "file": TIERING,
        "old": '"WHEN ranked.share_before < %s AND ranked.revenue >= %s THEN %s"',
        "new": '"WHEN ranked.share_before < %s AND ranked.revenue > %s THEN %s"',
        "tests": [TIER, TIER_CUTS],
    },
    {
        "name": "quota-tier-strict",
        "rule": "quota thresholds (minimum/target/stretch)",
        "file": QUOTA,
        "old": "if float_compare(actual, self[tier], 2) >= 0:",
        "new": "if float_compare(actual, self[tier], 2) > 0:",
        "tests": [RULES, QUOTA_BOUNDS],
    },
    {
        "name": "quota-tier-sql-target-strict",
        "rule": "quota thresholds (minimum/target/stretch)",
        "file": PROGRESS,
        "old": "WHEN ROUND(v.actual, 2) >= ROUND(COALESCE(q.target, 0), 2)",
        "new": "WHEN ROUND(v.actual, 2) > ROUND(COALESCE(q.target, 0), 2)",
        "tests": [QUOTA_BOUNDS],
    },
    {
        "name": "quota-tier-sql-minimum-strict",
        "rule": "quota thresholds (minimum/target/stretch)",
        "file": PROGRESS,
        "old": "WHEN ROUND(v.actual, 2) >= ROUND(COALESCE(q.minimum, 0), 2)",
        "new": "WHEN ROUND(v.actual, 2) > ROUND(COALESCE(q.minimum, 0), 2)",
        "tests": [QUOTA_BOUNDS],
    },
    # --- the reverse funnel, each step rounded up
    {
        "name": "funnel-deals-ceil-to-round",
        "rule": "reverse funnel rounding",
        "file": WORKLOAD,
        "old": 'deals = math.ceil(amount / ratios["avg_deal_size"] - 1e-9)',
        "new": 'deals = round(amount / ratios["avg_deal_size"])',
        "tests": [DECOMPOSITION, QUOTA_BOUNDS],
    },
    {
        "name": "funnel-prospects-ceil-to-round",
        "rule": "reverse funnel rounding",
        "file": WORKLOAD,
        "old": 'prospects = math.ceil(deals * ratios["prospects_per_deal"] - 1e-9)',
        "new": 'prospects = round(deals * ratios["prospects_per_deal"])',
        "tests": [DECOMPOSITION, QUOTA_BOUNDS],
    },
    {
        "name": "funnel-prospects-float-noise",
        "rule": "reverse funnel rounding",
        "file": WORKLOAD,
        "old": 'prospects = math.ceil(deals * ratios["prospects_per_deal"] - 1e-9)',
        "new": 'prospects = math.ceil(deals * ratios["prospects_per_deal"])',
        "tests": [DECOMPOSITION, QUOTA_BOUNDS],
    },
    {
        "name": "funnel-calls-ceil-to-round",
        "rule": "reverse funnel rounding",
        "file": WORKLOAD,
        "old": 'calls = math.ceil(prospects * ratios["calls_per_prospect"] - 1e-9)',
        "new": 'calls = round(prospects * ratios["calls_per_prospect"])',
        "tests": [DECOMPOSITION, QUOTA_BOUNDS],
    },
    {
        "name": "funnel-daily-ceil-to-floor",
        "rule": "reverse funnel rounding",
        "file": WORKLOAD,
        "old": "daily_calls = math.ceil(calls / days - 1e-9) if days else 0",
        "new": "daily_calls = calls // days if days else 0",
        "tests": [DECOMPOSITION, QUOTA_BOUNDS],
    },
    # --- a quarter goes 30/30/40 into its months
    {
        "name": "split-30-30-40-to-30-40-30",
        "rule": "30/30/40 split of a quarter",
        "file": SPLIT_WIZARD,
        "old": "THREE_PERIOD_SHARES = (30.0, 30.0, 40.0)",
        "new": "THREE_PERIOD_SHARES = (30.0, 40.0, 30.0)",
        "tests": [SPLIT, DECOMPOSITION],
        "k": "30_30_40 or seed_month",
    },
    {
        "name": "split-remainder-to-first-part",
        "rule": "30/30/40 split of a quarter",
        "file": SPLIT_WIZARD,
        "old": "key=lambda index: (exact[index] - counts[index], index),",
        "new": "key=lambda index: (exact[index] - counts[index], -index),",
        "tests": [SPLIT, QUOTA_BOUNDS],
    },
    # --- rewards and penalties (奖惩): fixed, or a percentage of excess/shortfall
    {
        "name": "penalty-sign",
        "rule": "rewards and penalties",
        "file": QUOTA,
        "old": "return -self.penalty_value",
        "new": "return self.penalty_value",
        "tests": [RULES, QUOTA_BOUNDS],
    },
    {
        "name": "penalty-percent-of-target-not-minimum",
        "rule": "rewards and penalties",
        "file": QUOTA,
        "old": "return -(self.minimum - actual) * self.penalty_value / 100.0",
        "new": "return -(self.target - actual) * self.penalty_value / 100.0",
        "tests": [RULES, QUOTA_BOUNDS],
    },
    {
        "name": "reward-percent-of-whole-not-excess",
        "rule": "rewards and penalties",
        "file": QUOTA,
        "old": "band = max(min(actual, ceiling) - self[tier], 0.0)",
        "new": "band = max(min(actual, ceiling), 0.0)",
        "tests": [RULES, QUOTA_BOUNDS],
    },
    {
        "name": "reward-value-of-target-at-every-tier",
        "rule": "rewards and penalties",
        "file": QUOTA,
        "old": 'value = self[f"reward_{tier}_value"]',
        "new": 'value = self["reward_target_value"]',
        "tests": [RULES, QUOTA_BOUNDS],
    },
    # --- the collected basis (回款)
    {
        "name": "collected-date-invoice-not-reconcile",
        "rule": "collected basis (回款)",
        "file": COLLECTION_LINE,
        "old": "SELECT apr.id, apr.max_date AS date, inv.company_id,",
        "new": "SELECT apr.id, inv.invoice_date AS date, inv.company_id,",
        "tests": [ACTUALS, QUOTA_BOUNDS],
        "k": "collect",
    },
    {
        "name": "collected-refund-paid-back-positive",
        "rule": "collected basis (回款)",
        "file": COLLECTION_LINE,
        "old": '("out_refund", "credit_move_id", "debit_move_id", -1),',
        "new": '("out_refund", "credit_move_id", "debit_move_id", 1),',
        "tests": [ACTUALS, QUOTA_BOUNDS],
        "k": "collect",
    },
    {
        "name": "collected-credit-note-counts-as-cash",
        "rule": "collected basis (回款)",
        "file": COLLECTION_LINE,
        "old": "AND (pm.origin_payment_id IS NOT NULL",
        "new": "AND (TRUE OR pm.origin_payment_id IS NOT NULL",
        "tests": [ACTUALS, QUOTA_BOUNDS],
        "k": "collect",
    },
    # --- purchase cycles: the blend (n - 1) / (n + 1) and the reminder at 80 %
    {
        "name": "blend-weight-n-over-n+2",
        "rule": "purchase-cycle blend",
        "file": CYCLE_ENGINE,
        "old": "/ (stats.order_count + 1.0)",
        "new": "/ (stats.order_count + 2.0)",
        "tests": [CYCLE, CYCLE_BOUNDS],
    },
    {
        "name": "blend-from-the-second-order",
        "rule": "purchase-cycle blend",
        "file": CYCLE_ENGINE,
        "old": "CASE WHEN stats.order_count >= 3",
        "new": "CASE WHEN stats.order_count >= 2",
        "tests": [CYCLE, CYCLE_BOUNDS],
    },
    {
        "name": "reminder-threshold-80-to-85",
        "rule": "purchase-cycle reminder at 80 % of supply",
        "file": COMPANY,
        "within": (
            "sales_cycle_reminder_percent = fields.Integer(",
            "sales_cycle_at_risk",
        ),
        "old": "default=80,",
        "new": "default=85,",
        "tests": [CYCLE, CYCLE_BOUNDS],
    },
    {
        "name": "reminder-threshold-80-to-81",
        "rule": "purchase-cycle reminder at 80 % of supply",
        "file": COMPANY,
        "within": (
            "sales_cycle_reminder_percent = fields.Integer(",
            "sales_cycle_at_risk",
        ),
        "old": "default=80,",
        "new": "default=81,",
        "tests": [CYCLE, CYCLE_BOUNDS],
    },
    {
        "name": "reminder-floor-to-ceil",
        "rule": "purchase-cycle reminder at 80 % of supply",
        "file": CYCLE_ENGINE,
        "old": "last_date + FLOOR(supply * %(percent)s / 100)::int",
        "new": "last_date + CEIL(supply * %(percent)s / 100)::int",
        "tests": [CYCLE, CYCLE_BOUNDS],
    },
    {
        "name": "reminder-due-day-after",
        "rule": "purchase-cycle reminder at 80 % of supply",
        "file": CYCLE_ENGINE,
        "old": "WHEN %(today)s::date >= reminder THEN 'due'",
        "new": "WHEN %(today)s::date > reminder THEN 'due'",
        "tests": [CYCLE, CYCLE_BOUNDS],
    },
    # --- the care cadence of a tier
    {
        "name": "care-cadence-plus-one-day",
        "rule": "care cadence per tier",
        "file": PARTNER,
        "old": "due = (last_day + timedelta(days=cadence)) if last else today",
        "new": "due = (last_day + timedelta(days=cadence + 1)) if last else today",
        "tests": [CARE, "sales_model_crm/tests/test_customer_care_boundaries.py"],
        "k": "care or cadence",
    },
    {
        "name": "care-overdue-day-after-due",
        "rule": "care cadence per tier",
        "file": PARTNER,
        "old": "partner.sales_care_overdue = due <= today if last else True",
        "new": "partner.sales_care_overdue = due < today if last else True",
        "tests": [CARE, "sales_model_crm/tests/test_customer_care_boundaries.py"],
        "k": "care or cadence",
    },
    {
        "name": "care-search-cadence-plus-one-day",
        "rule": "care cadence per tier",
        "file": PARTNER,
        "old": "> %(today)s::date - tier.care_cadence_days))",
        "new": ">= %(today)s::date - tier.care_cadence_days))",
        "tests": [CARE, "sales_model_crm/tests/test_customer_care_boundaries.py"],
        "k": "care or cadence",
    },
    # --- the effective call (有效拜访)
    {
        "name": "effective-call-min-duration-exclusive",
        "rule": "effective call",
        "file": COMPANY,
        "old": "return duration_hours * 60 + 1e-6 >= self.sales_effective_min_minutes",
        "new": "return duration_hours * 60 > self.sales_effective_min_minutes",
        "tests": [DECOMPOSITION],
        "k": "effective",
    },
    {
        "name": "effective-call-outcome-ignored",
        "rule": "effective call",
        "file": COMPANY,
        "old": "if outcome not in self._sales_effective_outcomes():",
        "new": "if False:",
        "tests": [DECOMPOSITION],
        "k": "effective",
    },
    {
        "name": "effective-call-visits-not-counted",
        "rule": "effective call",
        "file": COMPANY,
        "old": 'sales_effective_kind_visit = fields.Boolean(string="Visits Count", '
        "default=True)",
        "new": 'sales_effective_kind_visit = fields.Boolean(string="Visits Count", '
        "default=False)",
        "tests": [DECOMPOSITION],
        "k": "effective",
    },
    # --- the customer pool (公海): back after N days without a visit or an order
    {
        "name": "pool-days-off-by-one",
        "rule": "customer pool return after N days",
        "file": PARTNER,
        "old": "cutoff = fields.Datetime.now() - timedelta("
        "days=company.sales_pool_days)",
        "new": "cutoff = fields.Datetime.now() - timedelta("
        "days=company.sales_pool_days + 1)",
        "tests": [POOL],
    },
    {
        "name": "pool-orders-ignored",
        "rule": "customer pool return after N days",
        "file": PARTNER,
        "old": "recent |= {",
        "new": "recent &= {",
        "tests": [POOL],
    },
    {
        "name": "pool-claim-grace-ignored",
        "rule": "customer pool return after N days",
        "file": PARTNER,
        "old": '("sales_pool_claim_date", "<", cutoff),',
        "new": '("sales_pool_claim_date", "!=", False),',
        "tests": [POOL],
    },
    # --- record rules: a salesperson's own documents, not the team's
    _own_to_team(
        "rule-customer-own-to-team",
        SECURITY,
        "res_partner_rule_salesman_read",
        "customer",
        old="('commercial_partner_id.user_id', 'in', "
        "user.sales_model_visible_owner_ids.ids),",
        new="('commercial_partner_id.user_id', 'in', "
        "user.sale_team_id.member_ids.ids),",
    ),
    _own_to_team(
        "rule-customer-edit-own-to-team",
        SECURITY,
        "res_partner_rule_salesman_write",
        "customer",
        old="('commercial_partner_id.user_id', 'in', "
        "user.sales_model_visible_owner_ids.ids),",
        new="('commercial_partner_id.user_id', 'in', "
        "user.sale_team_id.member_ids.ids),",
    ),
    _own_to_team(
        "rule-visit-own-to-team",
        SECURITY,
        "sales_activity_rule_salesman_read",
        "visit",
        old="['|', ('user_id', '=', user.id),",
        new="['|', ('user_id', 'in', user.sale_team_id.member_ids.ids),",
    ),
    _own_to_team(
        "rule-visit-edit-own-to-team",
        SECURITY,
        "sales_activity_rule_salesman_write",
        "visit",
    ),
    _own_to_team(
        "rule-quota-own-to-team", QUOTA_SECURITY, "sales_quota_rule_salesman", "quota"
    ),
    _own_to_team(
        "rule-settlement-own-to-team",
        QUOTA_SECURITY,
        "sales_quota_settlement_rule_salesman",
        "settlement",
    ),
    _own_to_team(
        "rule-plan-own-to-team", QUOTA_SECURITY, "sales_plan_rule_salesman", "plan"
    ),
    _own_to_team(
        "rule-plan-line-own-to-team",
        QUOTA_SECURITY,
        "sales_plan_line_rule_salesman",
        "plan",
    ),
    _own_to_team(
        "rule-budget-own-to-team",
        QUOTA_SECURITY,
        "sales_budget_rule_salesman",
        "budget",
    ),
    _own_to_team(
        "rule-daily-review-own-to-team",
        EXECUTION_SECURITY,
        "sales_daily_review_rule_salesman_read",
        "review",
    ),
    _own_to_team(
        "rule-problem-own-to-team",
        EXECUTION_SECURITY,
        "sales_problem_rule_salesman",
        "problem",
    ),
    _own_to_team(
        "rule-collection-plan-own-to-team",
        COLLECTION_SECURITY,
        "sales_collection_plan_rule_salesman",
        "collection",
    ),
    _own_to_team(
        "rule-purchase-cycle-own-to-team",
        CARE_SECURITY,
        "sales_purchase_cycle_rule_salesman",
        "cycle",
        old="[('user_id', 'in', user.sales_model_visible_owner_ids.ids)]",
    ),
    _own_to_team(
        "rule-audience-own-to-team",
        CARE_SECURITY,
        "sales_audience_rule_salesman",
        "audience",
    ),
]
