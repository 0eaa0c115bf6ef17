# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models

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
