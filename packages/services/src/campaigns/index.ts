export { createCampaign } from "./create-campaign.ts";
export { updateCampaign } from "./update-campaign.ts";
export { deleteCampaign } from "./delete-campaign.ts";
export { getCampaign } from "./get-campaign.ts";
export { listCampaigns } from "./list-campaigns.ts";
export { previewCampaign, type PreviewInput } from "./preview-campaign.ts";
export { sendCampaign } from "./send-campaign.ts";
export { campaignView, type CampaignView } from "./campaign-view.ts";
