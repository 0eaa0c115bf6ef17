# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from .batch_isolation import run_isolated

_logger = logging.getLogger(__name__)

TIER_FIELDS = {"sales_tier_id", "sales_tier_locked"}
PROFILE_SECTIONS = (
    "shareholders",
    "organization",
    "decision",
    "family",
    "hobbies",
    "experience",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    # the own-customers record rule filters on the owner: keep it indexed
    user_id = fields.Many2one(index=True, tracking=True)

    # --- classification (statistics and queries)
    sales_kind_ids = fields.Many2many(
        "sales.partner.kind",
        "res_partner_sales_kind_rel",
        "partner_id",
        "kind_id",
        string="Partner Kinds",
        help="What this partner is to us: customer, supplier, competitor, "
        "cooperation partner, agent, ...",
    )
    sales_primary_kind_id = fields.Many2one(
        "sales.partner.kind",
        string="Profile Kind",
        compute="_compute_sales_primary_kind_id",
        store=True,
        precompute=True,
        readonly=False,
        help="The kind whose profile fields this partner's profile shows.",
    )
    sales_region_id = fields.Many2one(
        "sales.region", string="Sales Region", index=True, tracking=True
    )
    sales_source_id = fields.Many2one(
        "utm.source", string="Customer Source", help="How this customer found us."
    )
    sales_annual_revenue = fields.Monetary(
        string="Annual Revenue",
        currency_field="currency_id",
        help="The customer's own yearly turnover (营业额).",
    )
    sales_employee_count = fields.Integer(string="Headcount")
    sales_founding_date = fields.Date(string="Founded On")
    sales_scale = fields.Selection(
        [
            ("micro", "Micro"),
            ("small", "Small"),
            ("medium", "Medium"),
            ("large", "Large"),
            ("group", "Group"),
        ],
        string="Scale",
    )

    # --- tier, per company
    sales_tier_id = fields.Many2one(
        "sales.customer.tier",
        string="Customer Tier",
        company_dependent=True,
        help="Computed from revenue by the tiering scheduler, or set by a "
        "manager (which locks it).",
    )
    sales_tier_locked = fields.Boolean(
        string="Tier Locked",
        company_dependent=True,
        help="A locked tier was set by hand and is left alone by the scheduler.",
    )
    sales_tier_history_ids = fields.One2many(
        "sales.customer.tier.history", "partner_id", string="Tier History"
    )

    # --- company profile
    sales_shareholder_ids = fields.One2many(
        "sales.partner.shareholder", "partner_id", string="Shareholders"
    )
    sales_department_ids = fields.One2many(
        "sales.partner.department", "partner_id", string="Departments"
    )
    sales_decision_background = fields.Html(
        string="Decision Background",
        help="How this customer decides: budget cycle, approval chain, who "
        "really decides.",
    )
    sales_decision_maker_ids = fields.Many2many(
        "res.partner",
        string="Decision Makers",
        compute="_compute_sales_decision_maker_ids",
    )

    # --- contact profile
    sales_gender = fields.Selection(
        [("male", "Male"), ("female", "Female"), ("other", "Other")],
        string="Contact Gender",
    )
    sales_birthday = fields.Date(string="Birthday")
    sales_department_id = fields.Many2one(
        "sales.partner.department",
        string="Customer Department",
        domain="[('partner_id', '=', parent_id)]",
    )
    sales_reports_to_id = fields.Many2one(
        "res.partner",
        string="Reports To",
        domain="[('parent_id', '=', parent_id), ('id', '!=', id)]",
    )
    sales_decision_role = fields.Selection(
        [
            ("decision_maker", "Decision Maker"),
            ("influencer", "Influencer"),
            ("user", "End User"),
            ("gatekeeper", "Gatekeeper"),
        ],
        string="Decision Role",
    )
    sales_family_member_ids = fields.One2many(
        "sales.partner.family.member", "partner_id", string="Family Members"
    )
    sales_hobby_ids = fields.Many2many(
        "sales.partner.hobby",
        "res_partner_sales_hobby_rel",
        "partner_id",
        "hobby_id",
        string="Hobbies",
    )
    sales_experience_ids = fields.One2many(
        "sales.partner.experience", "partner_id", string="Work Experience"
    )

    # --- admin-defined profile fields
    sales_company_properties = fields.Properties(
        string="Company Profile",
        definition="sales_primary_kind_id.company_properties_definition",
        copy=True,
    )
    sales_person_properties = fields.Properties(
        string="Person Profile",
        definition="sales_primary_kind_id.person_properties_definition",
        copy=True,
    )
    sales_profile_sections = fields.Char(
        compute="_compute_sales_profile_sections",
        help="The profile sections the company shows, as a space separated list.",
    )

    # --- purchase and visit records
    sales_activity_ids = fields.One2many(
        "sales.activity", "commercial_partner_id", string="Visit Records"
    )
    sales_activity_count = fields.Integer(
        string="Visits", compute="_compute_sales_activity_count"
    )
    sales_last_activity_date = fields.Datetime(
        string="Last Contact", compute="_compute_sales_activity_count"
    )
    sales_window_revenue = fields.Monetary(
        string="Tier Revenue",
        currency_field="currency_id",
        compute="_compute_sales_window_revenue",
        help="Revenue over the tier window on the company's tier basis.",
    )
    sales_confirmed_order_count = fields.Integer(
        string="Confirmed Orders", compute="_compute_sales_purchase_summary"
    )
    sales_last_order_date = fields.Datetime(
        string="Last Order", compute="_compute_sales_purchase_summary"
    )

    @api.depends("sales_kind_ids")
    def _compute_sales_primary_kind_id(self):
        for partner in self:
            if partner.sales_primary_kind_id not in partner.sales_kind_ids._origin:
                partner.sales_primary_kind_id = partner.sales_kind_ids[:1]._origin

    @api.depends("child_ids.sales_decision_role")
    def _compute_sales_decision_maker_ids(self):
        for partner in self:
            partner.sales_decision_maker_ids = partner.child_ids.filtered(
                "sales_decision_role"
            )

    @api.depends_context("company")
    def _compute_sales_profile_sections(self):
        company = self.env.company
        sections = " ".join(
            section
            for section in PROFILE_SECTIONS
            if company[f"sales_profile_{section}"]
        )
        for partner in self:
            partner.sales_profile_sections = sections

    def _compute_sales_activity_count(self):
        commercial = self.commercial_partner_id
        groups = self.env["sales.activity"]._read_group(
            [("commercial_partner_id", "in", commercial.ids)],
            groupby=["commercial_partner_id"],
            aggregates=["__count", "date:max"],
        )
        stats = {partner: (count, last) for partner, count, last in groups}
        for partner in self:
            count, last = stats.get(partner.commercial_partner_id, (0, False))
            partner.sales_activity_count = count
            partner.sales_last_activity_date = last

    @api.depends_context("company")
    def _compute_sales_window_revenue(self):
        commercial = self.commercial_partner_id.filtered("id")
        revenue = self.env["sales.customer.tiering"]._partner_revenue(
            self.env.company, commercial
        )
        for partner in self:
            partner.sales_window_revenue = revenue.get(
                partner.commercial_partner_id.id, 0.0
            )

    def _compute_sales_purchase_summary(self):
        commercial = self.commercial_partner_id.filtered("id")
        groups = self.env["sale.order"]._read_group(
            [("partner_id", "child_of", commercial.ids), ("state", "=", "sale")],
            groupby=["partner_id"],
            aggregates=["__count", "date_order:max"],
        )
        stats = {}
        for ordering_partner, count, last in groups:
            key = ordering_partner.commercial_partner_id
            old_count, old_last = stats.get(key, (0, False))
            stats[key] = (old_count + count, max(filter(None, (old_last, last))))
        for partner in self:
            count, last = stats.get(partner.commercial_partner_id, (0, False))
            partner.sales_confirmed_order_count = count
            partner.sales_last_order_date = last

    @api.constrains("sales_birthday")
    def _check_sales_birthday(self):
        today = fields.Date.context_today(self)
        for partner in self.filtered("sales_birthday"):
            if partner.sales_birthday > today or partner.sales_birthday.year < 1900:
                raise ValidationError(
                    _(
                        "The birthday of %(name)s must lie between 1900 and today.",
                        name=partner.display_name,
                    )
                )

    @api.constrains("sales_founding_date")
    def _check_sales_founding_date(self):
        today = fields.Date.context_today(self)
        for partner in self.filtered("sales_founding_date"):
            if partner.sales_founding_date > today:
                raise ValidationError(
                    _(
                        "%(name)s cannot be founded in the future.",
                        name=partner.display_name,
                    )
                )

    @api.constrains("sales_employee_count", "sales_annual_revenue")
    def _check_sales_company_figures(self):
        for partner in self:
            if partner.sales_employee_count < 0 or partner.sales_annual_revenue < 0:
                raise ValidationError(
                    _(
                        "The employee count and annual revenue of %(name)s cannot "
                        "be negative.",
                        name=partner.display_name,
                    )
                )

    @api.constrains("sales_reports_to_id")
    def _check_sales_reports_to_id(self):
        if self._has_cycle("sales_reports_to_id"):
            raise ValidationError(_("A contact cannot report to themselves."))

    def _check_access(self, operation):
        """Check the read rules of many customers in one SQL query.

        Odoo checks the rules of records already in memory in Python
        (``filtered_domain``): for our salesperson rule that loads every
        quotation and opportunity of every customer shown
        (``sale_order_ids.user_id``, ``opportunity_ids.user_id``) and walks
        them, half the cost of a list page. The same domain in SQL, the way
        ``search`` applies it, answers in one indexed query. Only the all-clear
        is taken from SQL: any record it does not return goes through Odoo's
        own check, for its exact error (missing record, access error).
        """
        if (
            operation == "read"
            and len(self) > 1
            and not self.env.su
            and all(isinstance(id_, int) for id_ in self._ids)
            and self.env["ir.model.access"].check(
                self._name, operation, raise_exception=False
            )
        ):
            domain = self.env["ir.rule"]._compute_domain(self._name, operation)
            if not domain:
                return None
            # sudo: the user's own rule domain is in the query, so sudo only
            # stops Odoo from adding the same rules twice; it returns ids only
            allowed = (
                self.sudo()
                .with_context(active_test=False)
                ._search(expression.AND([[("id", "in", list(self._ids))], domain]))
            )
            if set(allowed.get_result_ids()) == set(self._ids):
                return None
        return super()._check_access(operation)

    @api.model
    def get_import_templates(self):
        """Offer the templates of customers and contacts with their profiles
        on the import screen, after Odoo's own (regenerated by
        ``data/import_templates/make_templates.py``)."""
        return super().get_import_templates() + [
            {
                "label": _("Import Template for Customers with Profiles"),
                "template": "/sales_model_crm/static/xls/sales_customers_import.xlsx",
            },
            {
                "label": _("Import Template for Contacts with Profiles"),
                "template": "/sales_model_crm/static/xls/sales_contacts_import.xlsx",
            },
        ]

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        # actions name a kind by code: their context cannot hold record ids
        kind_code = self.env.context.get("sales_default_kind_code")
        if kind_code and "sales_kind_ids" in fields_list:
            kind = self.env["sales.partner.kind"]._get_by_code(kind_code)
            values.setdefault("sales_kind_ids", [Command.set(kind.ids)])
        return values

    @api.model_create_multi
    def create(self, vals_list):
        user = self.env.user
        if not self.env.su and user.has_group("sales_team.group_sale_salesman"):
            # a salesperson's new company or individual is theirs; contacts
            # follow their company's salesperson (Odoo's own compute)
            for vals in vals_list:
                if "user_id" not in vals and not vals.get("parent_id"):
                    vals["user_id"] = user.id
        return super().create(vals_list)

    def write(self, vals):
        # code running as superuser may set tiers silently (data imports,
        # migrations); a context key alone must not, or any RPC client could
        automatic = self.env.su and self.env.context.get("sales_model_tiering")
        manual_tier = TIER_FIELDS & set(vals) and not automatic
        if manual_tier:
            self._sales_check_tier_manager()
            if vals.get("sales_tier_id") and "sales_tier_locked" not in vals:
                # a tier set by hand stays: the scheduler would undo it otherwise
                vals = dict(vals, sales_tier_locked=True)
            old_tiers = {partner: partner.sales_tier_id for partner in self}
        res = super().write(vals)
        if manual_tier and "sales_tier_id" in vals:
            self._sales_log_manual_tier(old_tiers)
        return res

    def _sales_check_tier_manager(self):
        user = self.env.user
        if (
            self.env.su
            or user.has_group("sales_model_crm.group_sales_team_manager")
            or user.has_group("sales_team.group_sale_manager")
        ):
            return
        raise AccessError(_("Only sales managers can set or lock a customer's tier."))

    def _sales_log_manual_tier(self, old_tiers):
        changed = self.filtered(lambda p: p.sales_tier_id != old_tiers[p])
        if not changed:
            return
        revenue = self.env["sales.customer.tiering"]._partner_revenue(
            self.env.company, changed
        )
        histories = (
            self.env["sales.customer.tier.history"]
            .sudo()  # managers create history rows through this path only
            .create(
                [
                    {
                        "partner_id": partner.id,
                        "company_id": self.env.company.id,
                        "old_tier_id": old_tiers[partner].id,
                        "new_tier_id": partner.sales_tier_id.id,
                        "change": "manual",
                        "revenue": revenue.get(partner.id, 0.0),
                    }
                    for partner in changed
                ]
            )
        )
        histories._post_chatter_notes()

    def action_open_sales_activities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_model_crm.sales_activity_action"
        )
        action["domain"] = [
            ("commercial_partner_id", "=", self.commercial_partner_id.id)
        ]
        action["context"] = {
            "default_partner_id": self.commercial_partner_id.id,
            "default_contact_id": self.id if self.parent_id else False,
        }
        return action

    def action_sales_log_visit(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Log an Interaction"),
            "res_model": "sales.activity",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.commercial_partner_id.id,
                "default_contact_id": self.id if self.parent_id else False,
            },
        }

    sales_agent_id = fields.Many2one(
        "res.partner",
        string="Agent",
        index="btree_not_null",
        tracking=True,
        domain=[("sales_kind_ids.code", "=", "agent"), ("is_company", "=", True)],
        help="The channel partner (代理) who serves this customer: its sales "
        "count toward the agent's quota.",
    )
    sales_agent_customer_ids = fields.One2many(
        "res.partner", "sales_agent_id", string="Agent's Customers"
    )
    # --- proactive customer care

    sales_no_marketing = fields.Boolean(
        string="No Marketing",
        tracking=True,
        help="The customer asked not to receive marketing: no audience mailing, "
        "SMS or direct mail, and no refill or greeting notice.",
    )
    sales_purchase_cycle_ids = fields.One2many(
        "sales.purchase.cycle", "partner_id", string="Purchase Cycles"
    )
    sales_due_cycle_count = fields.Integer(
        string="Due to Buy", compute="_compute_sales_due_cycle_count"
    )
    sales_care_cadence_days = fields.Integer(
        string="Care Cadence (days)",
        compute="_compute_sales_care",
        help="From the customer's tier: how often the salesperson should be in "
        "touch.",
    )
    sales_care_due_date = fields.Date(
        string="Next Care Contact",
        compute="_compute_sales_care",
    )
    sales_care_overdue = fields.Boolean(
        string="Care Overdue",
        compute="_compute_sales_care",
        search="_search_sales_care_overdue",
        help="No visit record within the care cadence of the customer's tier.",
    )

    def _compute_sales_due_cycle_count(self):
        groups = self.env["sales.purchase.cycle"]._read_group(
            [
                ("partner_id", "in", self.commercial_partner_id.ids),
                ("state", "in", ("due", "overdue")),
            ],
            groupby=["partner_id"],
            aggregates=["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.sales_due_cycle_count = counts.get(
                partner.commercial_partner_id.id, 0
            )

    @api.depends_context("company")
    @api.depends("sales_tier_id.care_cadence_days", "sales_last_activity_date")
    def _compute_sales_care(self):
        today = fields.Date.context_today(self)
        for partner in self:
            commercial = partner.commercial_partner_id
            cadence = commercial.sales_tier_id.care_cadence_days
            partner.sales_care_cadence_days = cadence
            if not cadence or not commercial.id:
                partner.sales_care_due_date = False
                partner.sales_care_overdue = False
                continue
            last = commercial.sales_last_activity_date
            # the day of the last contact is the reader's, as today is
            last_day = last and fields.Datetime.context_timestamp(self, last).date()
            due = (last_day + timedelta(days=cadence)) if last else today
            partner.sales_care_due_date = due
            partner.sales_care_overdue = due <= today if last else True

    def _search_sales_care_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        # raw SQL: the ORM does not know to flush what it reads
        self.env["sales.activity"].flush_model(["date", "commercial_partner_id"])
        self.env["res.partner"].flush_model(["sales_tier_id", "commercial_partner_id"])
        self.env["sales.customer.tier"].flush_model(["care_cadence_days"])
        overdue = SQL(
            """
            (SELECT partner.id
              FROM res_partner partner
              JOIN sales_customer_tier tier
                ON tier.id = (partner.sales_tier_id ->> %(company_key)s)::int
             WHERE tier.care_cadence_days > 0
               AND partner.id = partner.commercial_partner_id
               AND NOT EXISTS (
                   SELECT 1 FROM sales_activity activity
                    WHERE activity.commercial_partner_id = partner.id
                      AND ((activity.date AT TIME ZONE 'UTC') AT TIME ZONE %(tz)s)::date
                          > %(today)s::date - tier.care_cadence_days))
            """,
            company_key=str(self.env.company.id),
            # the same local days as _compute_sales_care
            tz=self.env.context.get("tz") or self.env.user.tz or "UTC",
            today=fields.Date.context_today(self),
        )
        positive = (operator == "=") == value
        return [("commercial_partner_id", "in" if positive else "not in", overdue)]

    @api.model
    def _sales_reachable(self, partners, channel):
        """Those of ``partners`` who may receive marketing by ``channel``.

        Opt-outs: the no-marketing flag, the email blacklist for email, the
        phone blacklist for SMS and a postal address for direct mail.
        """
        domain = [("id", "in", partners.ids), ("sales_no_marketing", "=", False)]
        if channel == "email":
            domain += [("email", "!=", False), ("is_blacklisted", "=", False)]
        elif channel == "sms":
            domain += [
                "|",
                ("mobile", "!=", False),
                ("phone", "!=", False),
                ("phone_sanitized_blacklisted", "=", False),
            ]
        elif channel == "mail":
            domain += [("street", "!=", False)]
        return self.search(domain)

    def action_open_sales_purchase_cycles(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_model_crm.sales_purchase_cycle_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    # --- customer pool (公海): idle customers go back, salespeople claim them

    sales_pool_claim_date = fields.Datetime(
        string="Claimed From Pool On",
        readonly=True,
        copy=False,
        help="When the current owner claimed the customer from the pool.",
    )

    @api.model
    def _sales_pool_candidates(self, company, limit=None):
        """Owned customers of ``company`` without a visit or order for N days."""
        cutoff = fields.Datetime.now() - timedelta(days=company.sales_pool_days)
        candidates = self.search(
            [
                ("parent_id", "=", False),
                ("user_id", "!=", False),
                ("sales_kind_ids.code", "=", "customer"),
                ("company_id", "in", (company.id, False)),
                ("user_id.company_ids", "in", company.id),
                ("create_date", "<", cutoff),
                # a customer just claimed gets N days, like a new one
                "|",
                ("sales_pool_claim_date", "=", False),
                ("sales_pool_claim_date", "<", cutoff),
            ],
            order="id",
        )
        if not candidates:
            return candidates
        recent = {
            partner.commercial_partner_id.id
            for [partner] in self.env["sales.activity"]._read_group(
                [
                    ("commercial_partner_id", "in", candidates.ids),
                    ("date", ">=", cutoff),
                ],
                groupby=["commercial_partner_id"],
            )
        }
        recent |= {
            partner.commercial_partner_id.id
            for [partner] in self.env["sale.order"]._read_group(
                [
                    ("partner_id", "child_of", candidates.ids),
                    ("state", "!=", "cancel"),
                    ("date_order", ">=", cutoff),
                ],
                groupby=["partner_id"],
            )
        }
        idle = candidates.filtered(lambda partner: partner.id not in recent)
        return idle[:limit] if limit else idle

    @api.model
    def _cron_sales_pool_return(self, batch_size=500):
        """Return idle customers to the pool; idempotent, by batches."""
        companies = self.env["res.company"].search([("sales_pool_enabled", "=", True)])
        returned = skipped = self.browse()
        for company in companies:
            idle = self._sales_pool_candidates(company, limit=batch_size)
            if not idle:
                continue
            body = _(
                "Returned to the customer pool: no visit or order for %(days)s days.",
                days=company.sales_pool_days,
            )
            # one customer that cannot be written (a constraint, an override)
            # must not keep the whole batch, and every later run, from
            # returning the others: retry one by one, log and skip the bad one
            done = run_isolated(
                self.env,
                idle,
                lambda partners, body=body: partners._sales_pool_return(body),
                "Customer pool: partner %s not returned: skipped",
                _logger,
                name="Customer pool",
            )
            returned |= done
            skipped |= idle - done
        # the skipped ones are not "remaining": the cron would be called again
        # and again (partially done) for a record that keeps failing
        remaining = sum(
            len(self._sales_pool_candidates(company) - skipped) for company in companies
        )
        self.env["ir.cron"]._notify_progress(done=len(returned), remaining=remaining)
        return returned

    def _sales_pool_return(self, body):
        self._message_log_batch({partner.id: body for partner in self})
        self.write({"user_id": False, "sales_pool_claim_date": False})

    def _sales_pool_claimed_count(self, user):
        """Customers ``user`` claimed from the pool in the last 30 days and
        still owns: the claim limit counts these (a customer returned to the
        pool or handed over no longer counts)."""
        since = fields.Datetime.now() - timedelta(days=30)
        return self.search_count(
            [("user_id", "=", user.id), ("sales_pool_claim_date", ">=", since)]
        )

    def action_sales_pool_claim(self):
        """Take pool customers as one's own, within the company's claim limit."""
        partners = self.commercial_partner_id
        owned = partners.filtered("user_id")
        if owned:
            raise UserError(
                _(
                    "These customers are not in the pool any more: %(names)s.",
                    names=", ".join(owned.mapped("display_name")),
                )
            )
        company = self.env.company
        limit = company.sales_pool_claim_limit
        if company.sales_pool_enabled and limit:
            claimed = self._sales_pool_claimed_count(self.env.user)
            if claimed + len(partners) > limit:
                raise UserError(
                    _(
                        "You may claim %(limit)s customers from the pool in 30 "
                        "days; you already claimed %(claimed)s and asked for "
                        "%(count)s more.",
                        limit=limit,
                        claimed=claimed,
                        count=len(partners),
                    )
                )
        partners.write(
            {"user_id": self.env.uid, "sales_pool_claim_date": fields.Datetime.now()}
        )
        return True
