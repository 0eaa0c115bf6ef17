# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sudo audit: no ``sudo()`` returns data to a user unproven.

Every superuser access of the product code (``sudo()``, and the other ways to
a superuser environment: ``with_user(SUPERUSER_ID)``, ``env(su=True)``... see
``superuser_calls``) (both addons, tests left out) must say why
in a comment on its line or in the three lines above, and must be listed in
``SUDO_SITES`` below with the tests that show the data it reads is filtered
(or that it returns no business data to the user). A new sudo fails
``test_every_sudo_site_is_mapped_to_its_filter_tests`` until it is reviewed
here; a test renamed away fails ``test_every_mapped_test_exists``.
"""

import ast
from pathlib import Path

from odoo.tests import BaseCase, tagged

REPO = Path(__file__).resolve().parent.parent
ADDONS = ("sales_model_crm", "sales_model_crm_reports")
COMMENT_LINES_ABOVE = 3

# (file, function) -> (why the sudo is safe, the tests showing it), each test
# as (test file, class, method)
SUDO_SITES = {
    (
        "sales_model_crm/models/crm_team.py",
        "CrmTeam.action_quota_ratios_from_history",
    ): (
        "team writers only (check_access('write') first); sums of the team",
        [
            (
                "sales_model_crm/tests/test_quota_decomposition.py",
                "TestQuotaDecomposition",
                "test_team_ratios_come_from_its_history",
            ),
        ],
    ),
    (
        "sales_model_crm/models/mail_activity.py",
        "MailActivity._sales_log_interactions",
    ): (
        "creates the assignee's visit record from the activity; returns nothing",
        [
            (
                "sales_model_crm/tests/test_activity_logging.py",
                "TestActivityLogging",
                "test_manager_closing_a_members_call_logs_it_for_the_member",
            ),
            (
                "sales_model_crm/tests/test_partner_security.py",
                "TestPartnerSecurity",
                "test_salesperson_sees_visit_records_of_own_customers_only",
            ),
        ],
    ),
    (
        "sales_model_crm/models/res_company.py",
        "ResCompany._sales_model_sync_business_model_groups",
    ): (
        "group implications from company flags; returns nothing",
        [
            (
                "sales_model_crm/tests/test_business_models.py",
                "TestBusinessModels",
                "test_switching_depth_management_off_hides_its_menus",
            ),
        ],
    ),
    ("sales_model_crm/models/res_partner.py", "ResPartner._check_access"): (
        "the user's own rule domain, run in SQL; returns ids, only to allow",
        [
            (
                "sales_model_crm/tests/test_query_budget.py",
                "TestQueryBudget",
                "test_salesperson_cannot_read_a_page_with_a_colleagues_customer",
            ),
            (
                "sales_model_crm/tests/test_query_budget.py",
                "TestQueryBudget",
                "test_salesperson_customer_list_costs_a_fixed_number_of_queries",
            ),
        ],
    ),
    ("sales_model_crm/models/res_partner.py", "ResPartner._sales_log_manual_tier"): (
        "history rows after the tier write was allowed; returns nothing",
        [
            (
                "sales_model_crm/tests/test_customer_tier.py",
                "TestCustomerTier",
                "test_salesperson_cannot_set_a_tier",
            ),
            (
                "sales_model_crm/tests/test_partner_security.py",
                "TestPartnerSecurity",
                "test_salesperson_sees_tier_history_of_own_customers_only",
            ),
        ],
    ),
    ("sales_model_crm/models/res_users.py", "ResUsers._sales_team_in"): (
        "the companies of the user's own teams, to pick one; returns a team id",
        [
            (
                "tests/test_multi_company.py",
                "TestMultiCompany",
                "test_records_of_a_company_get_the_team_of_that_company",
            ),
            (
                "sales_model_crm/tests/test_partner_security.py",
                "TestPartnerSecurity",
                "test_team_change_reaches_the_rules_at_once",
            ),
        ],
    ),
    (
        "sales_model_crm/models/res_users.py",
        "ResUsers._sales_model_enforce_export_policy",
    ): (
        "narrows group membership; returns nothing",
        [
            (
                "sales_model_crm/tests/test_export_policy.py",
                "TestExportPolicy",
                "test_salesperson_given_export_by_hand_still_cannot_export",
            ),
        ],
    ),
    ("sales_model_crm/models/sales_budget.py", "SalesBudget._hr_expense_spending"): (
        "sums of the budget owners' expenses, on budgets the user reads",
        [
            (
                "sales_model_crm/tests/test_sales_budget.py",
                "TestSalesBudget",
                "test_salesperson_enters_expenses_on_own_budget_only",
            ),
            (
                "tests/test_multi_company.py",
                "TestMultiCompany",
                "test_budgets_and_expenses_stay_in_their_company",
            ),
        ],
    ),
    (
        "sales_model_crm/models/sales_customer_tier_history.py",
        "SalesCustomerTierHistory._post_chatter_notes",
    ): (
        "chatter notes on retiered customers; returns nothing",
        [
            (
                "sales_model_crm/tests/test_customer_tier.py",
                "TestCustomerTier",
                "test_promotion_is_shown_in_the_chatter",
            ),
        ],
    ),
    (
        "sales_model_crm/models/sales_daily_review.py",
        "SalesDailyReview._check_days_free",
    ): (
        "tells only that a day is taken, and the salesperson's name",
        [
            (
                "sales_model_crm/tests/test_daily_review.py",
                "TestDailyReview",
                "test_second_review_of_the_same_day_is_refused",
            ),
        ],
    ),
    (
        "sales_model_crm/models/sales_daily_review.py",
        "SalesDailyReview._refresh_figures",
    ): (
        "counts and sums of the reviewed salesperson, in the review's company",
        [
            (
                "sales_model_crm/tests/test_daily_review.py",
                "TestDailyReview",
                "test_day_is_prefilled_from_the_system",
            ),
            (
                "sales_model_crm/tests/test_daily_review.py",
                "TestDailyReview",
                "test_each_role_sees_its_days",
            ),
            (
                "tests/test_multi_company.py",
                "TestMultiCompany",
                "test_review_figures_count_the_reviews_company_only",
            ),
        ],
    ),
    (
        "sales_model_crm/models/sales_daily_review.py",
        "SalesDailyReview._call_targets",
    ): (
        "the daily call target (a number) of the reviewed salesperson's plan",
        [
            (
                "sales_model_crm/tests/test_daily_review.py",
                "TestDailyReview",
                "test_running_plan_gives_the_call_target_and_behind_days_show",
            ),
        ],
    ),
    (
        "sales_model_crm/models/sales_daily_review.py",
        "SalesDailyReview._ensure_reviews",
    ): (
        "makes missing days; callers read them with their own rights",
        [
            (
                "sales_model_crm/tests/test_daily_review.py",
                "TestDailyReview",
                "test_inspector_table_has_a_row_per_member",
            ),
            (
                "sales_model_crm/tests/test_daily_review.py",
                "TestDailyReview",
                "test_each_role_sees_its_days",
            ),
        ],
    ),
    ("sales_model_crm/models/sales_dashboard.py", "SalesVpDashboard._user_names"): (
        "names of the salespeople of the user's scope only",
        [
            (
                "sales_model_crm/tests/test_vp_dashboard.py",
                "TestVpDashboard",
                "test_team_manager_sees_own_team_only",
            ),
        ],
    ),
    (
        "sales_model_crm/models/sales_dashboard.py",
        "SalesVpDashboard._default_daily_target",
    ): (
        "a system parameter (a number); no business data",
        [
            (
                "sales_model_crm/tests/test_vp_dashboard.py",
                "TestVpDashboard",
                "test_default_daily_target_is_forty",
            ),
        ],
    ),
    (
        "sales_model_crm/models/sales_dashboard.py",
        "SalesVpDashboard._next_working_days",
    ): (
        "working hours of the scope's salespeople on the company calendar",
        [
            (
                "sales_model_crm/tests/test_vp_dashboard.py",
                "TestVpDashboard",
                "test_under_planned_days_are_flagged_against_the_daily_target",
            ),
        ],
    ),
    ("sales_model_crm/models/sales_dashboard.py", "SalesVpDashboard._daily_targets"): (
        "the scope's salespeople's daily call targets (numbers)",
        [
            (
                "sales_model_crm/tests/test_vp_dashboard.py",
                "TestVpDashboard",
                "test_a_plan_day_of_calls_counts_as_its_calls",
            ),
        ],
    ),
    (
        "sales_model_crm/models/sales_dashboard.py",
        "SalesVpDashboard._problems_fallback",
    ): (
        "overdue activity count of the scope's salespeople",
        [
            (
                "sales_model_crm/tests/test_vp_dashboard.py",
                "TestVpDashboard",
                "test_problems_fallback_lists_high_priority_deals_of_the_scope",
            ),
        ],
    ),
    ("sales_model_crm/models/sales_plan.py", "SalesPlan._create_from_quotas"): (
        "which quotas have a plan (ids only) to avoid a duplicate",
        [
            (
                "sales_model_crm/tests/test_sales_plan.py",
                "TestSalesPlan",
                "test_creating_plans_twice_gives_one_plan_per_quota",
            ),
        ],
    ),
    ("sales_model_crm/models/sales_plan.py", "SalesPlanLine._lines_for_sources"): (
        "plan lines recomputed from the logger's work; returned to no user",
        [
            (
                "sales_model_crm/tests/test_sales_plan.py",
                "TestSalesPlan",
                "test_logged_work_counts_as_done",
            ),
            (
                "sales_model_crm/tests/test_sales_plan.py",
                "TestSalesPlan",
                "test_salesperson_edits_own_plan_but_cannot_read_zhangs",
            ),
        ],
    ),
    ("sales_model_crm/models/sales_problem.py", "SalesProblem._notify_manager"): (
        "an activity for the owner's leader; returns nothing",
        [
            (
                "sales_model_crm/tests/test_sales_problem.py",
                "TestSalesProblem",
                "test_escalating_gives_the_leader_an_activity",
            ),
            (
                "sales_model_crm/tests/test_sales_problem.py",
                "TestSalesProblem",
                "test_salesperson_sees_own_problems_leader_the_teams",
            ),
        ],
    ),
    (
        "sales_model_crm/report/sales_customer_pareto.py",
        "SalesCustomerPareto._table_query",
    ): (
        "company ids shape the SQL view; record rules filter the rows",
        [
            (
                "sales_model_crm/tests/test_partner_security.py",
                "TestPartnerSecurity",
                "test_salesperson_pareto_rows_are_own_customers",
            ),
            (
                "tests/test_multi_company.py",
                "TestMultiCompany",
                "test_pareto_and_tiers_stay_in_their_company",
            ),
        ],
    ),
    (
        "sales_model_crm/wizard/sales_handover.py",
        "SalesHandoverWizard.action_confirm",
    ): (
        "archives the handed-over user, directors only; returns nothing",
        [
            (
                "sales_model_crm/tests/test_handover.py",
                "TestHandover",
                "test_only_directors_hand_over",
            ),
            (
                "sales_model_crm/tests/test_handover.py",
                "TestHandover",
                "test_manual_per_kind_and_archive",
            ),
        ],
    ),
    ("sales_model_crm/wizard/sales_quota_grid.py", "SalesQuotaGrid.action_fill"): (
        "(user, period) keys of existing lines, to create none twice",
        [
            (
                "sales_model_crm/tests/test_quota_grid.py",
                "TestQuotaGrid",
                "test_fill_creates_each_salesperson_month_once",
            ),
        ],
    ),
    (
        "sales_model_crm/wizard/sales_quota_split.py",
        "SalesQuotaSplit._last_year_actuals",
    ): (
        "last year's sums per team member, turned into shares",
        [
            (
                "sales_model_crm/tests/test_quota_split.py",
                "TestQuotaSplit",
                "test_team_quota_splits_by_last_years_share",
            ),
        ],
    ),
    (
        "sales_model_crm_reports/report/xlsx_base.py",
        "SalesXlsxBase._check_report_access",
    ): (
        "reads the report's groups to refuse others",
        [
            (
                "sales_model_crm_reports/tests/test_customer_pareto_xlsx.py",
                "TestCustomerParetoXlsx",
                "test_salesman_cannot_render_the_report",
            ),
            (
                "sales_model_crm_reports/tests/test_management_reports_xlsx.py",
                "TestManagementReportsXlsx",
                "test_salesman_cannot_render_the_workbooks",
            ),
            (
                "sales_model_crm_reports/tests/test_quota_import.py",
                "TestQuotaImport",
                "test_salesperson_may_not_download_the_template",
            ),
        ],
    ),
    (
        "sales_model_crm_reports/wizard/sales_quota_import_checks.py",
        "QuotaLineChecks._check_duplicates",
    ): (
        "tells only that the quota a row describes exists",
        [
            (
                "sales_model_crm_reports/tests/test_quota_import.py",
                "TestQuotaImport",
                "test_team_manager_cannot_import_for_another_team",
            ),
        ],
    ),
}


def product_files():
    for addon in ADDONS:
        for path in sorted((REPO / addon).rglob("*.py")):
            if "tests" not in path.relative_to(REPO).parts:
                yield path


# names an expression may give the superuser by: SUPERUSER_ID, 1, the
# __system__ user's xmlid
SUPERUSER_NAMES = {"SUPERUSER_ID"}
SUPERUSER_XMLIDS = {"base.user_root"}


def _is_false(node):
    return isinstance(node, ast.Constant) and node.value in (False, None, 0)


def _is_superuser(node):
    """Whether ``node`` is the superuser: SUPERUSER_ID, api.SUPERUSER_ID, 1,
    env.ref("base.user_root")."""
    if isinstance(node, ast.Constant):
        return node.value == 1 and not isinstance(node.value, bool)
    if isinstance(node, ast.Name):
        return node.id in SUPERUSER_NAMES
    if isinstance(node, ast.Attribute):
        return node.attr in SUPERUSER_NAMES
    if isinstance(node, ast.Call) and _call_name(node) == "ref" and node.args:
        arg = node.args[0]
        return isinstance(arg, ast.Constant) and arg.value in SUPERUSER_XMLIDS
    return False


def _call_name(node):
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def superuser_calls(tree):
    """Line numbers of the calls of ``tree`` that act as the superuser:
    ``sudo()`` (and ``sudo(True)``, ``sudo(flag)``; not ``sudo(False)``),
    ``with_user(SUPERUSER_ID)``/``with_user(1)``/``with_user(<user_root>)``,
    any ``su=`` keyword not False (``env(su=True)``, ``Environment(..., su=True)``,
    ``with_env(env(su=True))``), ``env(user=SUPERUSER_ID)``,
    ``Environment(cr, SUPERUSER_ID, ...)`` and ``getattr(x, "sudo")``.

    The line is the one of the method's name (``.sudo``), where a chained call
    spread over lines is read and commented."""
    numbers = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        found = False
        if name == "sudo":
            found = not (node.args and _is_false(node.args[0])) and not any(
                keyword.arg == "flag" and _is_false(keyword.value)
                for keyword in node.keywords
            )
        elif name == "with_user":
            found = any(_is_superuser(arg) for arg in node.args) or any(
                _is_superuser(keyword.value) for keyword in node.keywords
            )
        elif name == "getattr":
            found = any(
                isinstance(arg, ast.Constant) and arg.value == "sudo"
                for arg in node.args[1:2]
            )
        if name == "Environment":
            found = found or any(_is_superuser(arg) for arg in node.args[1:2])
        for keyword in node.keywords:
            if keyword.arg == "su" and not _is_false(keyword.value):
                found = True
            elif keyword.arg in ("user", "uid") and _is_superuser(keyword.value):
                found = True
        if found:
            numbers.append(node.func.end_lineno)
    return sorted(set(numbers))


def sudo_sites_in(text):
    """[(function, line number)] of each superuser access of the source."""
    tree = ast.parse(text)
    functions = []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef | ast.FunctionDef):
                name = prefix + [child.name]
                if not isinstance(child, ast.ClassDef):
                    functions.append((child.lineno, child.end_lineno, ".".join(name)))
                visit(child, name)

    visit(tree, [])
    sites = []
    for number in superuser_calls(tree):
        inside = [f for start, end, f in functions if start <= number <= end]
        # the innermost function: the last one opened before the line
        sites.append((inside[-1] if inside else "<module>", number))
    return sites


def sudo_sites():
    """[(file, function, line number, lines of the file)] of each superuser
    access (see superuser_calls)."""
    sites = []
    for path in product_files():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        relative = str(path.relative_to(REPO))
        for function, number in sudo_sites_in(text):
            sites.append((relative, function, number, lines))
    return sites


def mapped_test_exists(reference):
    """Whether ``(path, class, method)`` names a test method in the tree."""
    path, class_name, method = reference
    file = REPO / path
    if not file.is_file():
        return False
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            return any(
                isinstance(item, ast.FunctionDef) and item.name == method
                for item in node.body
            )
    return False


@tagged("post_install", "-at_install")
class TestSudoAudit(BaseCase):
    """Static checks of the product code: no database needed."""

    def test_product_code_has_sudo_calls_to_audit(self):
        # guards the scanner itself: finding nothing would pass everything
        self.assertGreater(len(sudo_sites()), 10)

    def test_every_form_of_superuser_access_is_audited(self):
        """Not only sudo(): a superuser environment got any other way is a
        site too, listed and commented like a sudo."""
        source = """
from odoo import SUPERUSER_ID, api


def forms(self, cr, flag):
    self.sudo()
    self.sudo(True)
    self.sudo(flag)
    self.with_user(SUPERUSER_ID)
    self.with_user(api.SUPERUSER_ID)
    self.with_user(1)
    self.with_user(user=SUPERUSER_ID)
    self.with_user(self.env.ref("base.user_root"))
    self.with_env(self.env(su=True))
    self.env(user=SUPERUSER_ID)
    api.Environment(cr, SUPERUSER_ID, {})
    api.Environment(cr, self.env.uid, {}, su=True)
    getattr(self, "sudo")()
    (
        self.env["res.partner"]
        .sudo()
    )


def not_superuser(self, cr, user):
    self.sudo(False)
    self.with_user(user)
    self.with_user(2)
    self.with_env(self.env(su=False))
    api.Environment(cr, self.env.uid, {})
"""
        lines = source.splitlines()
        found = [
            lines[number - 1].strip() for function, number in sudo_sites_in(source)
        ]
        expected = [
            line.strip()
            for line in lines[
                lines.index("def forms(self, cr, flag):") : lines.index(
                    "def not_superuser(self, cr, user):"
                )
            ]
            if line.startswith("    self.")
            or line.startswith("    api.")
            or line.startswith("    getattr")
            or line.strip() == ".sudo()"
        ]
        self.assertEqual(found, expected)
        self.assertEqual(len(found), 14)
        self.assertTrue(
            all(function == "forms" for function, _n in sudo_sites_in(source))
        )

    def test_every_sudo_says_why_in_a_comment(self):
        silent = []
        for path, function, number, lines in sudo_sites():
            window = lines[max(0, number - 1 - COMMENT_LINES_ABOVE) : number]
            said = "#" in window[-1] or any(
                line.lstrip().startswith("#") for line in window[:-1]
            )
            if not said:
                silent.append(f"{path}:{number} ({function})")
        self.assertFalse(
            silent,
            "sudo() without a comment saying why within the "
            f"{COMMENT_LINES_ABOVE} lines above:\n" + "\n".join(silent),
        )

    def test_every_sudo_site_is_mapped_to_its_filter_tests(self):
        found = {(path, function) for path, function, _n, _l in sudo_sites()}
        unmapped = sorted(found - set(SUDO_SITES))
        self.assertFalse(
            unmapped,
            "sudo() sites with no test showing their data is filtered: add "
            "them to SUDO_SITES with the tests that prove it:\n"
            + "\n".join(f"{path} {function}" for path, function in unmapped),
        )
        stale = sorted(set(SUDO_SITES) - found)
        self.assertFalse(
            stale,
            "SUDO_SITES lists sites without a sudo() any more: "
            + ", ".join(f"{path} {function}" for path, function in stale),
        )

    def test_every_mapped_test_exists(self):
        missing = []
        for site, (why, references) in SUDO_SITES.items():
            self.assertTrue(why and references, f"{site}: a reason and a test")
            missing += [ref for ref in references if not mapped_test_exists(ref)]
        self.assertFalse(
            missing, "tests named in SUDO_SITES not found: " + str(missing)
        )

    def test_controllers_never_sudo(self):
        # the routes read as the logged-in user; their record rules filter
        # what an agent sees (see tests/test_http_routes.py)
        controller_sites = [
            f"{path}:{number}"
            for path, _function, number, _lines in sudo_sites()
            if "/controllers/" in path
        ]
        self.assertFalse(controller_sites)
