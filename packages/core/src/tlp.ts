// Traffic Light Protocol 2.0 labels. The enum value AMBER_STRICT is stored; people read TLP:AMBER+STRICT.

export const TLP_LEVELS = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export const tlpLabel = (tlp: TlpLevel) => `TLP:${tlp.replace("_", "+")}`;
