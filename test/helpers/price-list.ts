/** A user's price list (scan --prices): one cloud, one region, euros, a few sizes. */
export const EURO_PRICES = `asOf: 2026-11-30
currency: EUR
hoursPerMonth: 730
clouds:
  azure:
    region: westeurope
    storage: { name: Standard SSD, perGiBMonth: 0.05 }
    windowsPerVcpuHour: 0.05
    instances:
      general:
        - [D2, 2, 8, 0.10]
        - [D4, 4, 16, 0.20]
        - [D8, 8, 32, 0.40]
        - [D16, 16, 64, 0.80]
      memory:
        - [E2, 2, 16, 0.13]
`;
