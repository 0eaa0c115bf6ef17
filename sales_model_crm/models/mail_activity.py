# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.tools import SQL

# mail.activity.type categories that are an interaction with a customer
CATEGORY_KINDS = {"phonecall": "call", "meeting": "meeting"}
# plan work scheduled as activities (see sales.plan._schedule_activities)
PLAN_KINDS = {"call": "call", "visit": "visit", "demo": "demo"}
# context key: the caller logs the interaction itself (a visit record that
# closes its refill reminder), so closing the activity must not log it twice
NO_LOG_KEY = "sales_activity_no_log"


class MailActivity(models.Model):
    _inherit = "mail.activity"

    sales_planned_count = fields.Integer(
        string="Planned Units",
        default=1,
        help="How many calls, visits or tasks this activity stands for: a plan "
        "schedules one activity for a day's 30 calls. The VP dashboard sums "
        "them against the daily target.",
    )

    def _action_done(self, feedback=False, attachment_ids=None):
        # read what the visit record needs before the activities are unlinked
        if not self.env.context.get(NO_LOG_KEY):
            self._sales_log_interactions(feedback)
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def _sales_interaction_kind(self):
        """The kind of visit record this activity is, or False if none."""
        self.ensure_one()
        activity_type = self.activity_type_id
        if activity_type.sales_plan_kind in PLAN_KINDS:
            return PLAN_KINDS[activity_type.sales_plan_kind]
        if activity_type.category in CATEGORY_KINDS:
            return CATEGORY_KINDS[activity_type.category]
        if activity_type == self.env.ref(
            "mail.mail_activity_data_email", raise_if_not_found=False
        ):
            return "email"
        return False

    @staticmethod
    def _sales_record_partner(record):
        """The customer a record is about: the partner itself, a lead's or an
        order's customer, a quota's agent."""
        if record._name == "res.partner":
            return record
        for field_name in ("partner_id", "agent_id"):
            field = record._fields.get(field_name)
            if (
                field
                and field.type == "many2one"
                and field.comodel_name == ("res.partner")
            ):
                return record[field_name]
        return record.env["res.partner"]

    def _sales_log_interactions(self, feedback=False):
        """Log a visit record for each interaction activity marked done."""
        activities = self.filtered(
            lambda act: act.active and act._sales_interaction_kind()
        )
        if not activities:
            return self.env["sales.activity"]
        now = fields.Datetime.now()
        vals_list = []
        for model, data in activities._classify_by_model().items():
            # the same access as mail's own _action_done: an assignee may mark
            # their activity done without access to the record; only the
            # partner, company and lead are read from it
            records = self.env[model].sudo().browse(data["record_ids"])
            for record, activity in zip(records, data["activities"], strict=True):
                partner = self._sales_record_partner(record)
                if not partner:
                    continue
                company = (
                    partner.company_id
                    or ("company_id" in record._fields and record.company_id)
                    or activity.user_id.company_id
                )
                vals_list.append(
                    {
                        "name": activity.summary
                        or _(
                            "%(type)s: %(record)s",
                            type=activity.activity_type_id.name,
                            record=record.display_name,
                        ),
                        "kind": activity._sales_interaction_kind(),
                        "date": now,
                        "partner_id": partner.commercial_partner_id.id,
                        "contact_id": partner.id if partner.parent_id else False,
                        "user_id": (activity.user_id or self.env.user).id,
                        "lead_id": record.id if model == "crm.lead" else False,
                        "company_id": (company or self.env.company).id,
                        "note": feedback or activity.note,
                    }
                )
        # the record belongs to the activity's assignee, whom the current
        # user may not be (a manager closing a member's activity): the values
        # come from the activity only, so creating it as superuser is safe
        return self.env["sales.activity"].sudo().create(vals_list)

    @api.model
    def _sales_planned_units(self, users, day_from, day_to, exclude_model=None):
        """(user id, company id, day, units, activity ids) of the work planned
        for the users
        from ``day_from`` to ``day_to``, one query for all of them: the daily
        reviews and the VP dashboard's schedules read it.

        Units, not activities: a plan's day of 30 calls is one activity
        standing for 30 (``sales_planned_count``). Activities on
        ``exclude_model`` records (a review's own reminders) are left out.

        An activity has no company: it is counted in the company of its record,
        as its visit record is when it is done (mail.activity's
        _sales_log_interactions): the company of the record's customer, else
        the record's own, else the salesperson's main company. Counted by
        res_model alone, a user of two companies got, in company A's review,
        the calls planned on company B's customers.
        """
        if not users:
            return []
        self.flush_model(
            ["user_id", "date_deadline", "res_model", "res_id", "sales_planned_count"]
        )
        self.env["res.partner"].flush_model(["company_id"])
        self.env["res.users"].flush_model(["company_id"])
        where = SQL(
            """act.user_id IN %(users)s
               AND act.date_deadline BETWEEN %(day_from)s AND %(day_to)s
               AND act.res_model IS DISTINCT FROM %(excluded)s""",
            users=tuple(users.ids),
            day_from=day_from,
            day_to=day_to,
            excluded=exclude_model or "",
        )
        self.env.cr.execute(
            SQL("SELECT DISTINCT act.res_model FROM mail_activity act WHERE %s", where)
        )
        joins, companies = [], []
        for index, (model_name,) in enumerate(self.env.cr.fetchall()):
            if model_name not in self.env:
                continue
            model = self.env[model_name]
            if model._abstract or not model._auto:
                continue
            record = SQL.identifier(f"record_{index}")
            stored = {
                name
                for name, field in model._fields.items()
                if field.store and field.column_type and field.type == "many2one"
            }
            customer = next(
                (
                    name
                    for name in ("partner_id", "agent_id")
                    # a partner is its own customer: its company_id below
                    if model_name != "res.partner"
                    and name in stored
                    and model._fields[name].comodel_name == "res.partner"
                ),
                None,
            )
            has_company = (
                "company_id" in stored
                and model._fields["company_id"].comodel_name == "res.company"
            )
            if not (customer or has_company):
                continue
            model.flush_model([name for name in (customer, "company_id") if name])
            joins.append(
                SQL(
                    "LEFT JOIN %s AS %s ON act.res_model = %s AND %s.id = act.res_id",
                    SQL.identifier(model._table),
                    record,
                    model_name,
                    record,
                )
            )
            if customer:
                partner = SQL.identifier(f"partner_{index}")
                joins.append(
                    SQL(
                        "LEFT JOIN res_partner AS %s ON %s.id = %s",
                        partner,
                        partner,
                        SQL("%s.%s", record, SQL.identifier(customer)),
                    )
                )
                companies.append(SQL("%s.company_id", partner))
            if has_company:
                companies.append(SQL("%s.company_id", record))
        companies.append(SQL("usr.company_id"))
        self.env.cr.execute(
            SQL(
                """
                SELECT act.user_id, COALESCE(%(companies)s), act.date_deadline,
                       SUM(COALESCE(act.sales_planned_count, 1)),
                       ARRAY_AGG(act.id ORDER BY act.id)
                  FROM mail_activity act
                  JOIN res_users usr ON usr.id = act.user_id
                  %(joins)s
                 WHERE %(where)s
                 GROUP BY 1, 2, 3
                """,
                companies=SQL(", ").join(companies),
                joins=SQL(" ").join(joins),
                where=where,
            )
        )
        return self.env.cr.fetchall()
