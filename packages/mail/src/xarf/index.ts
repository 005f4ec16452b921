export {
  xarfAttachments,
  XARF_SEPARATE_MAX_HOSTS,
  XARF_MAX_HOSTS,
  type XarfAttachment,
  type XarfAttachments,
  type XarfAttachmentsInput,
} from "./xarf-attachments.ts";
