import { isPermanentSmtpError } from "@baken/mail";
import { sendReportConfirmation } from "@baken/services";
import { UnrecoverableError } from "bullmq";
import type { Handler } from "./handler.ts";

/** Mails a reporter the confirmation of their incident report (once; see sendReportConfirmation). */
export const confirmReport: Handler<"confirm-report"> = async (ctx, data) => {
  let result;
  try {
    result = await sendReportConfirmation(ctx, { reportId: data.reportId });
  } catch (err) {
    // A rejected address will not get better with retries.
    if (isPermanentSmtpError(err)) throw new UnrecoverableError((err as Error).message);
    throw err;
  }
  if (result.status === "missing") throw new UnrecoverableError(`incident report ${data.reportId} does not exist`);
  return result;
};
