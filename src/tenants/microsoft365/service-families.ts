import type { ServicePlanKind } from "../../db/schema/index.ts";

/** What License Desk keeps about a service: which data it holds and what a removal does to it. */
export interface ServiceFamily {
  kind: ServicePlanKind;
  dataDescription: string;
  dataSurvivesRemoval: boolean;
  installLimit: number | null;
}

/**
 * The plan families whose data License Desk warns about, by technical plan name (government and
 * education variants included). A mailbox goes 30 days after its last Exchange license; team-site
 * and OneDrive files outlive the license; Office desktop apps install on up to 5 devices. Other
 * plans (security, analytics, Office for the web…) hold no data of the person's to lose.
 */
const FAMILIES: [RegExp, ServiceFamily][] = [
  [
    /^EXCHANGE_(S_(STANDARD|ENTERPRISE|DESKLESS|ESSENTIALS)|L_STANDARD)(_GOV)?$/,
    {
      kind: "mailbox",
      dataDescription: "Mailbox and all its mail, calendar and contacts",
      dataSurvivesRemoval: false,
      installLimit: null,
    },
  ],
  [
    /^(SHAREPOINT(STANDARD|ENTERPRISE|DESKLESS)|ONEDRIVE(STANDARD|ENTERPRISE|_BASIC))(_GOV|_EDU)?$/,
    {
      kind: "team_site",
      dataDescription: "Documents saved on the team site and in OneDrive",
      dataSurvivesRemoval: true,
      installLimit: null,
    },
  ],
  [
    /^(TEAMS1|TEAMS_GOV|MCOSTANDARD|MCOIMP)(_GOV)?$/,
    {
      kind: "meetings",
      dataDescription: "Online meetings, contacts and meeting settings",
      dataSurvivesRemoval: false,
      installLimit: null,
    },
  ],
  [
    /^(OFFICESUBSCRIPTION|OFFICE_BUSINESS)(_GOV)?$/,
    {
      kind: "office_apps",
      dataDescription: "Office installs on Macs and PCs",
      dataSurvivesRemoval: false,
      installLimit: 5,
    },
  ],
];

export function serviceFamilyOf(servicePlanName: string): ServiceFamily | undefined {
  return FAMILIES.find(([pattern]) => pattern.test(servicePlanName))?.[1];
}
