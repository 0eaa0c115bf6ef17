from . import test_customer_tier
from . import test_tiering_query_budget
from . import test_partner_profile
from . import test_partner_security
from . import test_export_policy
from . import test_sales_flows
from . import test_business_models
