# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestActivityLogging(SalesModelCommon):
    """Marking a call or meeting done keeps it as a visit record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.call = cls.env.ref("mail.mail_activity_data_call")
        cls.meeting = cls.env.ref("mail.mail_activity_data_meeting")
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Test 40 water dispensers",
                "type": "opportunity",
                "partner_id": cls.customer_li.id,
                "user_id": cls.salesman_li.id,
                "company_id": cls.company.id,
            }
        )

    def _schedule(self, record, activity_type, summary=False, user=None):
        return (
            record.with_user(user or self.salesman_li)
            .activity_schedule(
                activity_type_id=activity_type.id,
                summary=summary,
                user_id=(user or self.salesman_li).id,
            )
            .with_user(user or self.salesman_li)
        )

    def _records(self, partner):
        return self.env["sales.activity"].search([("partner_id", "=", partner.id)])

    def test_call_done_on_a_customer_is_a_visit_record(self):
        activity = self._schedule(self.customer_li, self.call, "Ask about refills")
        activity.action_feedback(feedback="Wants 20 more bottles")
        record = self._records(self.customer_li)
        self.assertEqual(len(record), 1)
        self.assertEqual(record.kind, "call")
        self.assertEqual(record.name, "Ask about refills")
        self.assertEqual(record.user_id, self.salesman_li)
        self.assertIn("Wants 20 more bottles", record.note)
        self.assertFalse(record.lead_id)

    def test_call_done_on_a_contact_names_the_company_and_the_contact(self):
        self._schedule(self.contact_li, self.call).action_feedback()
        record = self._records(self.customer_li)
        self.assertEqual(record.contact_id, self.contact_li)
        self.assertTrue(record.name, "a call without summary still has a name")

    def test_meeting_done_on_a_lead_is_kept_with_the_lead(self):
        self._schedule(self.lead, self.meeting, "Tasting").action_feedback()
        record = self._records(self.customer_li)
        self.assertEqual(record.kind, "meeting")
        self.assertEqual(record.lead_id, self.lead)

    def test_many_activities_done_at_once_each_logged(self):
        activities = self._schedule(self.customer_li, self.call) | self._schedule(
            self.lead, self.call
        )
        activities.action_feedback(feedback="Called")
        self.assertEqual(len(self._records(self.customer_li)), 2)

    def test_to_do_is_not_an_interaction(self):
        self._schedule(self.customer_li, self.todo).action_feedback()
        self.assertFalse(self._records(self.customer_li))

    def test_manager_closing_a_members_call_logs_it_for_the_member(self):
        activity = self._schedule(self.customer_li, self.call)
        activity.with_user(self.team_manager).action_feedback(feedback="Done")
        self.assertEqual(self._records(self.customer_li).user_id, self.salesman_li)

    def test_log_a_call_from_the_lead_form(self):
        action = self.env.ref("sales_model_crm.sales_activity_action_log_call")
        self.assertEqual(action.target, "new")
        arch = self.env["crm.lead"].get_view(self.env.ref("crm.crm_lead_view_form").id)[
            "arch"
        ]
        self.assertIn(str(action.id), arch)
