import { loadProcessConfig } from "../config.ts";
import { connectMicrosoft365 } from "../tenants/microsoft365/connect-microsoft365.ts";
import { shippedServicePlans } from "../tenants/microsoft365/shipped-service-plans.ts";
import { runMain } from "./bootstrap.ts";
import { checkTenant } from "./check-tenant.ts";

/**
 * `npm run tenant:check`: signs in to the Microsoft 365 tenant the M365_* settings name, reads its
 * products and people, and changes nothing. For admins to try their credentials; never run in CI.
 */
runMain(async () => {
  const config = loadProcessConfig();
  if (!config.microsoft365) {
    console.error(
      "Set M365_TENANT_ID, M365_CLIENT_ID and M365_CLIENT_SECRET (or M365_CLIENT_CERTIFICATE_PATH).",
    );
    return 2;
  }
  const plans = shippedServicePlans();
  console.log(`Tenant ${config.microsoft365.tenantId}, app ${config.microsoft365.clientId}:`);
  const { code, lines } = await checkTenant(connectMicrosoft365(config.microsoft365), plans);
  for (const line of lines) (code === 0 ? console.log : console.error)(line);
  return code;
});
