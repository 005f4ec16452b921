import { isPermanentSmtpError } from "@baken/mail";
import { recordReplyRefused, sendReportReply } from "@baken/services";
import { UnrecoverableError } from "bullmq";
import type { Handler } from "./handler.ts";

/** Mails a staff member's reply to a reporter (once; see sendReportReply). */
export const replyReport: Handler<"reply-report"> = async (ctx, data) => {
  let result;
  try {
    result = await sendReportReply(ctx, { replyId: data.replyId });
  } catch (err) {
    if (isPermanentSmtpError(err)) {
      await recordReplyRefused(ctx, { replyId: data.replyId, error: (err as Error).message });
      throw new UnrecoverableError((err as Error).message);
    }
    throw err;
  }
  if (result.status === "missing") throw new UnrecoverableError(`report reply ${data.replyId} does not exist`);
  return result;
};
