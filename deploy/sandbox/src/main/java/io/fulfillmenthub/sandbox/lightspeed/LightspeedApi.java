package io.fulfillmenthub.sandbox.lightspeed;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the resources of the simulated Lightspeed API, which {@link LightspeedAccessGate} guards (not the token endpoint). */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface LightspeedApi {}
