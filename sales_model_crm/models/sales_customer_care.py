# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.tools import SQL

from .batch_isolation import run_isolated

_logger = logging.getLogger(__name__)
# orders and deals older than this are not caught up on (first run, downtime)
RETURN_VISIT_LOOKBACK_DAYS = 30


class SalesCustomerCare(models.AbstractModel):
    """Proactive care: greetings and return visits, as activities of the owner.

    Greetings: contacts' birthdays and companies' founding anniversaries, a
    few days ahead (the company setting), for the salesperson of the
    customer. A birthday on 29 February is greeted on 28 February in other
    years. A date is greeted once: the activity type keeps done activities,
    and an activity of the type on the same partner and date is never made
    twice.

    Return visits (回访): N days after a delivery (the last done outgoing
    picking when Inventory is installed and the order has pickings, else the
    order's confirmation) or a won deal, the return-visit plan of the
    company, or one return-visit activity.
    """

    _name = "sales.customer.care"
    _description = "Customer Care"

    # --- greetings

    @api.model
    def _greetings_query(self, today, days_ahead, activity_type):
        occurrence = SQL(
            """CASE WHEN EXTRACT(MONTH FROM dated.day) = 2
                         AND EXTRACT(DAY FROM dated.day) = 29
                         AND NOT (MOD(years.y, 4) = 0
                                  AND (MOD(years.y, 100) <> 0 OR MOD(years.y, 400) = 0))
                    THEN make_date(years.y, 2, 28)
                    ELSE make_date(years.y, EXTRACT(MONTH FROM dated.day)::int,
                                   EXTRACT(DAY FROM dated.day)::int) END"""
        )
        return SQL(
            """
            WITH dated AS (
                SELECT id, commercial_partner_id, sales_birthday AS day,
                       'birthday' AS occasion
                  FROM res_partner
                 WHERE active AND NOT is_company AND sales_birthday IS NOT NULL
                UNION ALL
                SELECT id, commercial_partner_id, sales_founding_date, 'founding'
                  FROM res_partner
                 WHERE active AND is_company AND sales_founding_date IS NOT NULL),
            occurrences AS (
                SELECT dated.id, dated.commercial_partner_id, dated.occasion,
                       %(occurrence)s AS occurrence
                  FROM dated, (VALUES (%(year)s), (%(year)s + 1)) AS years(y))
            SELECT occurrences.id, occurrences.occasion, occurrences.occurrence,
                   owner.user_id
              FROM occurrences
              JOIN res_partner owner ON owner.id = occurrences.commercial_partner_id
             WHERE occurrences.occurrence BETWEEN %(today)s AND %(until)s
               AND owner.user_id IS NOT NULL
               AND NOT EXISTS (
                   SELECT 1 FROM mail_activity activity
                    WHERE activity.res_model = 'res.partner'
                      AND activity.res_id = occurrences.id
                      AND activity.activity_type_id = %(type)s
                      AND activity.date_deadline = occurrences.occurrence)
             ORDER BY occurrences.id
            """,
            occurrence=occurrence,
            year=today.year,
            today=today,
            until=today + timedelta(days=days_ahead),
            type=activity_type.id,
        )

    @api.model
    def _schedule_greetings(self, batch_size=500):
        """Schedule the greetings due within the company's days ahead."""
        activity_type = self.env.ref("sales_model_crm.mail_activity_type_greeting")
        today = fields.Date.context_today(self)
        days_ahead = self.env.company.sales_care_greeting_days
        self.env.flush_all()
        # the window is the owner's: with the cron's (UTC) day, a greeting with
        # no days' notice came a day late in Kiritimati (UTC+14) and a day
        # early in Honolulu (UTC-10); any two local days (UTC-12 to UTC+14)
        # are at most two days apart
        self.env.cr.execute(
            self._greetings_query(
                today - timedelta(days=2), days_ahead + 4, activity_type
            )
        )
        rows = self.env.cr.fetchall()
        owners = self.env["res.users"].browse({row[3] for row in rows})
        local_today = {
            user.id: day
            for day, users in self.env["sales.daily.review"]._local_days(owners).items()
            for user in users
        }
        rows = [
            row
            for row in rows
            if 0 <= (row[2] - local_today[row[3]]).days <= days_ahead
        ]
        partner_model = self.env["ir.model"]._get_id("res.partner")
        partners = self.env["res.partner"].browse([row[0] for row in rows])
        vals_list = [
            {
                "activity_type_id": activity_type.id,
                "res_model_id": partner_model,
                "res_id": partner_id,
                "user_id": user_id,
                "date_deadline": occurrence,
                "summary": self._greeting_summary(
                    partners.browse(partner_id), occasion, occurrence
                ),
            }
            for partner_id, occasion, occurrence, user_id in rows
        ]
        return self._create_activities(vals_list, batch_size)

    @api.model
    def _greeting_summary(self, partner, occasion, occurrence):
        if occasion == "birthday":
            return _(
                "Birthday of %(name)s on %(date)s: send greetings",
                name=partner.name,
                date=fields.Date.to_string(occurrence),
            )
        return _(
            "Founding anniversary of %(name)s on %(date)s: send congratulations",
            name=partner.name,
            date=fields.Date.to_string(occurrence),
        )

    @api.model
    def _create_activities(self, vals_list, batch_size, failed=None):
        """Create activities in batches; a bad one is logged and skipped (and
        appended to ``failed`` when given)."""
        activities = self.env["mail.activity"].with_context(
            mail_activity_quick_update=True
        )
        self._subscribe_owners(vals_list)
        done = run_isolated(
            self.env,
            vals_list,
            activities.create,
            "Customer care activity %s failed: skipped",
            _logger,
            batch_size=batch_size,
            name="Customer care",
            key=lambda vals: vals,
        )
        if failed is not None:
            done_ids = {id(vals) for vals in done}
            failed.extend(vals for vals in vals_list if id(vals) not in done_ids)
        return len(done)

    @api.model
    def _subscribe_owners(self, vals_list):
        """Make the owners followers of their partners before the activities.

        mail.activity subscribes the assignee per batch, and inserts the same
        follower twice when a batch holds two activities of one user on one
        partner (a customer with two products due): subscribing first, once
        per user, leaves it nothing to insert.
        """
        res_ids_by_user = {}
        for vals in vals_list:
            res_ids_by_user.setdefault(vals["user_id"], set()).add(vals["res_id"])
        for user_id, res_ids in res_ids_by_user.items():
            partner = self.env["res.users"].browse(user_id).partner_id
            self.env["res.partner"].browse(sorted(res_ids)).message_subscribe(
                partner_ids=partner.ids
            )

    # --- return visits

    @api.model
    def _return_visit_orders(self, today):
        company = self.env.company
        orders = self.env["sale.order"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "sale"),
                ("sales_return_visit_planned", "=", False),
                (
                    "date_order",
                    ">=",
                    today
                    - timedelta(
                        days=company.sales_care_return_visit_days
                        + RETURN_VISIT_LOOKBACK_DAYS
                    ),
                ),
            ]
        )
        base_dates = {}
        for order in orders:
            base = self._order_visit_base_date(order)
            if base:
                base_dates[order] = base
        return base_dates

    @api.model
    def _order_visit_base_date(self, order):
        """The delivery moment with Inventory, else the confirmation moment
        (UTC datetimes: the owner's local day is taken from them later)."""
        pickings = order["picking_ids"] if "picking_ids" in order._fields else None
        if pickings:
            outgoing = pickings.filtered(
                lambda picking: picking.picking_type_code == "outgoing"
            )
            if outgoing and any(p.state not in ("done", "cancel") for p in outgoing):
                return False  # not delivered yet
            done = outgoing.filtered(lambda picking: picking.state == "done")
            if done:
                return max(done.mapped("date_done"))
        return order.date_order

    @api.model
    def _return_visit_leads(self, today):
        company = self.env.company
        since = today - timedelta(
            days=company.sales_care_return_visit_days + RETURN_VISIT_LOOKBACK_DAYS
        )
        leads = self.env["crm.lead"].search(
            [
                ("company_id", "in", (company.id, False)),
                ("stage_id.is_won", "=", True),
                ("sales_return_visit_planned", "=", False),
                ("date_closed", ">=", since),
                ("partner_id", "!=", False),
            ]
        )
        return {lead: lead.date_closed for lead in leads}

    @api.model
    def _schedule_return_visits(self, batch_size=500):
        company = self.env.company
        delay = company.sales_care_return_visit_days
        if not delay:
            return 0
        today = fields.Date.context_today(self)
        sources = {
            **self._return_visit_orders(today),
            **self._return_visit_leads(today),
        }
        # one return visit per customer, after the last of their deliveries
        by_customer = {}
        for source, base in sources.items():
            customer = source.partner_id.commercial_partner_id
            last = by_customer.get(customer)
            if not last or base > last[1]:
                by_customer[customer] = (source, base)
        vals_list = []
        for customer, (source, base) in by_customer.items():
            owner = customer.user_id or source.user_id
            if not owner:
                continue
            # the day of the delivery or the win is the owner's, as for the
            # greetings (sales.daily.review._local_days): a deal won at 23:30
            # UTC was won the next day in Shanghai
            local = self.with_context(tz=owner.tz) if owner.tz else self
            day = fields.Datetime.context_timestamp(local, base).date()
            vals_list += self._return_visit_values(
                source, customer, owner, day + timedelta(days=delay)
            )
        failed = []
        count = self._create_activities(vals_list, batch_size, failed)
        # a customer whose visit could not be made is tried again by the next
        # run: flagging its sources too lost the visit for good
        failed_customers = {vals["res_id"] for vals in failed}
        for model in ("sale.order", "crm.lead"):
            records = [
                source
                for source in sources
                if source._name == model
                and source.partner_id.commercial_partner_id.id not in failed_customers
            ]
            if records:
                # a flag on the source: the visit is never planned twice
                self.env[model].concat(*records).write(
                    {"sales_return_visit_planned": True}
                )
        return count

    @api.model
    def _return_visit_values(self, source, customer, owner, date):
        partner_model = self.env["ir.model"]._get_id("res.partner")
        plan = self.env.company.sales_care_return_visit_plan_id
        summary = _("Return visit: %(document)s", document=source.display_name)
        if not plan.template_ids:
            return [
                {
                    "activity_type_id": self.env.ref(
                        "sales_model_crm.mail_activity_type_return_visit"
                    ).id,
                    "res_model_id": partner_model,
                    "res_id": customer.id,
                    "user_id": owner.id,
                    "date_deadline": date,
                    "summary": summary,
                }
            ]
        return [
            {
                "activity_type_id": template.activity_type_id.id,
                "res_model_id": partner_model,
                "res_id": customer.id,
                "user_id": (
                    template._determine_responsible(owner, customer)["responsible"]
                    or owner
                ).id,
                "date_deadline": template._get_date_deadline(date),
                "summary": template.summary or summary,
                "note": template.note,
            }
            for template in plan.template_ids
        ]

    # --- scheduled action

    @api.model
    def _cron_customer_care(self):
        """Daily: greetings and return visits, for every company."""
        # partners are shared between companies: greet once, not per company
        count = self._schedule_greetings()
        for company in self.env["res.company"].search([]):
            count += self.with_company(company)._schedule_return_visits()
        self.env["ir.cron"]._notify_progress(done=count, remaining=0)
        return count
