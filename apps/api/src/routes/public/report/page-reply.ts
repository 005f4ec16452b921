import { z } from "zod";

// What the form's routes share: they answer HTML, in the language ?lang= asks for.

export const HTML = "text/html; charset=utf-8";

export const langQuery = z.object({ lang: z.string().optional() });
