export { shadowserverClient, type ShadowserverClient, type ShadowserverClientOptions } from "./shadowserver-client.ts";
