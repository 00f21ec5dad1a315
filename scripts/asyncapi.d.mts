/** contracts/asyncapi.yaml */
export declare const ASYNCAPI_FILE: string;
/** The AsyncAPI 3.0 document of the event maps in contracts/src/events.ts, as YAML text. */
export declare function generateAsyncApi(): string;
